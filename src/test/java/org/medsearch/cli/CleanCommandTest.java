package org.medsearch.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import picocli.CommandLine;

/** {@code medsearch clean}: one JSON line per article, skips on stderr, exit codes. */
class CleanCommandTest {
    private static final String PAGE = "<html><head><title>%s | Site</title>"
            + "<link rel=canonical href=\"https://site.example/%s\"></head><body><h1>%s</h1>"
            + "<p class=also>Also called: A; B</p><h2 id=c>What causes %s?</h2><p>Germs.</p></body></html>";

    @TempDir
    Path dir;

    private final StringWriter out = new StringWriter();
    private final StringWriter err = new StringWriter();

    @Test
    void printsOneJsonObjectPerArticleWithIdsRelativeToTheFolder() throws IOException {
        page("flu/flu.html", "Flu");
        page("gout.html", "Gout");
        Files.write(dir.resolve("broken.html"), new byte[] {0, 1, 2, 3});
        Files.writeString(dir.resolve("notes.pdf"), "x");

        int code = run("clean", "--json", dir.toString());

        assertEquals(0, code);
        List<String> lines = out.toString().lines().toList();
        assertEquals(2, lines.size());
        JsonNode flu = new ObjectMapper().readTree(lines.get(0));
        assertEquals("flu/flu", flu.get("id").asText());
        assertEquals("Flu", flu.get("title").asText());
        assertEquals("https://site.example/Flu", flu.get("url").asText());
        assertEquals("Site", flu.get("source").asText());
        assertEquals("[\"A\",\"B\"]", flu.get("aliases").toString());
        JsonNode section = flu.get("sections").get(0);
        assertEquals("What causes Flu?", section.get("heading").asText());
        assertEquals("c", section.get("anchor").asText());
        assertEquals("causes", section.get("kind").asText());
        assertEquals("Germs.", section.get("text").asText());
        assertEquals("gout", new ObjectMapper().readTree(lines.get(1)).get("id").asText());
        List<String> skips = err.toString().lines().toList();
        assertEquals(List.of("skipped " + dir.resolve("broken.html") + ": binary file",
                "skipped " + dir.resolve("notes.pdf") + ": unsupported file type .pdf"), skips.stream().sorted().toList());
    }

    @Test
    void printsAReadableOutlineForAFileNamedById() throws IOException {
        Path file = page("flu/flu.html", "Flu");

        int code = run("clean", file.toString());

        assertEquals(0, code);
        String text = out.toString();
        assertTrue(text.startsWith("# Flu  (flu)\n"), text);
        assertTrue(text.contains("aliases: A; B\n"), text);
        assertTrue(text.contains("## What causes Flu?  [causes] #c\n   Germs.\n"), text);
    }

    @Test
    void nestsSubSectionsUnderTheirSectionWithTheirOwnAnchorsAndText() throws IOException {
        Path file = dir.resolve("asthma.html");
        Files.writeString(file, "<html><head><title>Asthma</title></head><body><article><h1>Asthma</h1>"
                + "<h2 id=treat>Treatment</h2><p>Inhalers help most people.</p>"
                + "<h3 id=kids>In children</h3><p>Spacers make inhalers easier.</p>"
                + "<h4>Under five</h4><p>A mask is used.</p>"
                + "<div role=heading aria-level=3>In adults</div><p>Steroid inhalers every day.</p>"
                + "<h2>Outlook</h2><p>Most people control it well.</p></article></body></html>");

        assertEquals(0, run("clean", "--json", file.toString()));

        JsonNode sections = new ObjectMapper().readTree(out.toString().strip()).get("sections");
        assertEquals(2, sections.size());
        JsonNode treatment = sections.get(0);
        assertEquals("Inhalers help most people.", treatment.get("text").asText(), "own text only");
        JsonNode subs = treatment.get("subsections");
        assertEquals(List.of("In children", "In adults"), List.of(subs.get(0).get("heading").asText(),
                subs.get(1).get("heading").asText()));
        assertEquals("kids", subs.get(0).get("anchor").asText());
        assertEquals("Spacers make inhalers easier.", subs.get(0).get("text").asText());
        assertEquals("Under five", subs.get(0).get("subsections").get(0).get("heading").asText());
        assertEquals("in-adults", subs.get(1).get("anchor").asText(), "role=heading gets a slug anchor");
        assertEquals("treatment", subs.get(1).get("kind").asText(), "a sub-section naming no kind takes its section's");
        assertTrue(sections.get(1).get("subsections") == null, "no empty subsections array");
    }

    @Test
    void explainsWhatWasKeptAndDroppedAndWhy() throws IOException {
        Path file = dir.resolve("gout.html");
        Files.writeString(file, "<html><head><title>Gout</title></head><body><nav><a href=/>Home</a></nav>"
                + "<div class=content><h1>Gout</h1><p>Gout is a kind of arthritis that causes sudden, severe pain"
                + " in a joint, most often the big toe, when uric acid crystals build up there.</p>"
                + "<p>Medicines ease an attack within days; others lower uric acid so that attacks stop.</p>"
                + "<div class=share-bar><span>Tell your friends about this page</span></div></div>"
                + "<div id=comments><p>Great article, thanks so much for writing it, it helped me a lot!</p></div>"
                + "</body></html>");

        assertEquals(0, run("clean", "--explain", file.toString()));

        String text = out.toString();
        assertTrue(text.contains("DROPPED nav"), text);
        assertTrue(text.contains("tag <nav>"), text);
        assertTrue(text.contains("DROPPED div.share-bar"), text);
        assertTrue(text.contains("class/id says share (share)"), text);
        assertTrue(text.contains("-- class/id hints"), "grouped by stage: " + text);
        assertTrue(text.contains("DROPPED div#comments"), text);
        assertTrue(text.contains("class/id says comments (comments)"), text);
        assertTrue(text.contains("KEPT    div.content"), text);
        assertTrue(text.contains("## Gout  [overview] #overview"), "then the outline: " + text);
    }

    @Test
    void failsWithOneLineWhenAPathDoesNotExist() {
        int code = run("clean", dir.resolve("missing").toString());

        assertEquals(1, code);
        assertEquals("clean: no such file or directory: " + dir.resolve("missing"), err.toString().strip());
        assertEquals("", out.toString());
    }

    @Test
    void failsWhenNothingCouldBeExtracted() throws IOException {
        Files.writeString(dir.resolve("empty.html"), "   ");

        int code = run("clean", dir.toString());

        assertEquals(1, code);
        assertTrue(err.toString().contains("skipped " + dir.resolve("empty.html") + ": empty file"), err.toString());
    }

    private Path page(String relative, String title) throws IOException {
        Path f = dir.resolve(relative);
        Files.createDirectories(f.getParent());
        return Files.writeString(f, PAGE.formatted(title, title, title, title), StandardCharsets.UTF_8);
    }

    private int run(String... args) {
        CommandLine cl = Main.commandLine();
        cl.setOut(new PrintWriter(out, true));
        cl.setErr(new PrintWriter(err, true));
        return cl.execute(args);
    }
}
