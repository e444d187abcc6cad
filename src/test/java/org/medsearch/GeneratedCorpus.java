package org.medsearch;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Random;

/** A corpus of many small generated articles: big enough that a reindex takes a moment, small on disk. */
public final class GeneratedCorpus {
    private static final String[] ORGANS = {"kidney", "liver", "heart", "lung", "skin", "bone", "eye", "ear", "nerve", "blood"};
    private static final String[] WORDS = {"pain", "swelling", "fever", "fatigue", "rash", "cough", "headache",
            "nausea", "weakness", "numbness", "infection", "inflammation", "medicine", "surgery", "therapy", "diet"};

    private GeneratedCorpus() {
    }

    /** Writes {@code count} text articles under {@code dir} (100 per folder); every one mentions "disorder". */
    public static Path write(Path dir, int count) throws IOException {
        Random random = new Random(count);
        for (int i = 0; i < count; i++) {
            Path folder = Files.createDirectories(dir.resolve(String.format("gen%02d", i / 100)));
            String organ = ORGANS[i % ORGANS.length];
            StringBuilder b = new StringBuilder();
            b.append("Condition ").append(i).append("\n\nOverview\n\n");
            b.append("Condition ").append(i).append(" is a rare disorder of the ").append(organ).append(". ");
            sentence(b, random, 30);
            b.append("\n\nSymptoms\n\n");
            sentence(b, random, 40);
            b.append("\n\nTreatment\n\n");
            sentence(b, random, 40);
            b.append('\n');
            Files.writeString(folder.resolve("condition-" + i + ".txt"), b);
        }
        return dir;
    }

    private static void sentence(StringBuilder b, Random random, int words) {
        for (int w = 0; w < words; w++) {
            b.append(WORDS[random.nextInt(WORDS.length)]).append(w % 8 == 7 ? ". " : " ");
        }
    }
}
