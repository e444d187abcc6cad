package org.medsearch.cli;

import org.medsearch.index.IndexStore;
import picocli.CommandLine.Option;

import java.nio.file.Path;

/** The {@code --index} and {@code --corpus} options shared by the commands. */
final class IndexOptions {
    @Option(names = "--index", paramLabel = "DIR", description = "Index folder (default: ${DEFAULT-VALUE}).", defaultValue = "${sys:medsearch.home:-.}/index")
    Path index;

    @Option(names = "--corpus", paramLabel = "DIR", description = "Corpus folder of article pages (default: ${DEFAULT-VALUE}).", defaultValue = "${sys:medsearch.home:-.}/corpus")
    Path corpus;

    IndexStore store() {
        return new IndexStore(index);
    }
}
