package org.medsearch.ingest;

import java.io.IOException;
import java.nio.file.AccessDeniedException;
import java.nio.file.FileSystemLoopException;
import java.nio.file.FileVisitOption;
import java.nio.file.FileVisitResult;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.SimpleFileVisitor;
import java.nio.file.attribute.BasicFileAttributes;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.EnumSet;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;

/** Lists the corpus files in sorted order (stable ids, deterministic reindex); reports what it cannot read. */
public final class CorpusScanner {
    /** A file or folder that was not listed, and why. */
    public record Skip(Path file, String reason) {
    }

    private CorpusScanner() {
    }

    /**
     * Lists the supported files under {@code root} (following symbolic links), sorted by their path under
     * the root, one file per article id (the others are reported as duplicates). Hidden files and folders (name starting with '.') are ignored silently; unsupported types,
     * unreadable folders and link loops are reported to {@code onSkip} and the walk goes on.
     *
     * @throws IOException when {@code root} does not exist or cannot be walked at all
     */
    public static List<Path> list(Path root, Consumer<Skip> onSkip) throws IOException {
        if (!Files.exists(root)) {
            throw new NoSuchFileException(root.toString(), null, "corpus folder not found");
        }
        if (!Files.isDirectory(root)) {
            return List.of(root);
        }
        List<Path> files = new ArrayList<>();
        Files.walkFileTree(root, EnumSet.of(FileVisitOption.FOLLOW_LINKS), Integer.MAX_VALUE,
                new SimpleFileVisitor<>() {
                    @Override
                    public FileVisitResult preVisitDirectory(Path dir, BasicFileAttributes attrs) {
                        return !dir.equals(root) && isHidden(dir) ? FileVisitResult.SKIP_SUBTREE
                                : FileVisitResult.CONTINUE;
                    }

                    @Override
                    public FileVisitResult visitFile(Path file, BasicFileAttributes attrs) {
                        if (isHidden(file)) {
                            return FileVisitResult.CONTINUE;
                        }
                        String ext = ArticleExtractor.extension(file);
                        if (ArticleExtractor.HTML_EXTENSIONS.contains(ext)
                                || ArticleExtractor.TEXT_EXTENSIONS.contains(ext)) {
                            files.add(file);
                        } else {
                            onSkip.accept(new Skip(file, ArticleExtractor.unsupported(ext)));
                        }
                        return FileVisitResult.CONTINUE;
                    }

                    @Override
                    public FileVisitResult visitFileFailed(Path file, IOException e) {
                        if (!isHidden(file)) {
                            onSkip.accept(new Skip(file, reason(e)));
                        }
                        return FileVisitResult.CONTINUE;
                    }
                });
        return firstOfEachId(root, files, onSkip);
    }

    /**
     * Sorts by id (then full path), so ids come out in the same order on every machine, and keeps the first
     * file of each id ({@code a.htm} before {@code a.html}): settled here, not by whichever worker is faster.
     */
    private static List<Path> firstOfEachId(Path root, List<Path> files, Consumer<Skip> onSkip) {
        Map<Path, String> ids = new HashMap<>();
        for (Path f : files) {
            ids.put(f, ArticleExtractor.idOf(root, f));
        }
        files.sort(Comparator.comparing((Path f) -> ids.get(f)).thenComparing(Path::toString));
        List<Path> kept = new ArrayList<>(files.size());
        for (Path f : files) {
            Path first = kept.isEmpty() ? null : kept.getLast();
            if (first != null && ids.get(first).equals(ids.get(f))) {
                onSkip.accept(new Skip(f, "duplicate id " + ids.get(f) + ": "
                        + root.relativize(first).toString().replace('\\', '/') + " has it (the first in path order)"));
            } else {
                kept.add(f);
            }
        }
        return kept;
    }

    private static boolean isHidden(Path p) {
        Path name = p.getFileName();
        return name != null && name.toString().startsWith(".");
    }

    private static String reason(IOException e) {
        if (e instanceof FileSystemLoopException) {
            return "symbolic link loop";
        }
        if (e instanceof AccessDeniedException) {
            return "permission denied";
        }
        if (e instanceof NoSuchFileException) {
            return "file not found (removed during the run?)";
        }
        String m = e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage();
        return "cannot read: " + m.replace('\n', ' ');
    }
}
