package org.medsearch;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;

/** A few plain-text articles for the questions people paste: quotations, exclusions, long text. */
public final class PastedQuestionCorpus {
    static final Map<String, String> ARTICLES = Map.of(
            "calcitonin-salmon-nasal-spray", """
                    Calcitonin Salmon Nasal Spray

                    Why is this medication prescribed?

                    Calcitonin salmon nasal spray is used to treat osteoporosis in women who are past menopause.

                    Storage

                    Keep unused bottles of the nasal spray in the refrigerator. A bottle in use is kept at room temperature and used within 35 days.
                    """,
            "osteoporosis", """
                    Osteoporosis

                    Overview

                    Osteoporosis makes bones weak. Calcium, vitamin D and exercise help; some women take medicine.
                    """,
            "storing-medicines", """
                    Storing medicines

                    Overview

                    Most tablets keep at room temperature for 30 days once the pack is opened. Ask your pharmacist.
                    """,
            "diabetes", """
                    Diabetes

                    Overview

                    Diabetes means too much sugar in the blood. Over years it can damage the eyes, nerves and kidney.
                    """,
            "diabetic-kidney-disease", """
                    Diabetic kidney disease

                    Overview

                    Diabetic kidney disease is kidney damage caused by diabetes.
                    """,
            "diabetes-in-pregnancy", """
                    Diabetes in pregnancy

                    Overview

                    Gestational diabetes starts in pregnancy and usually ends after birth.
                    """,
            "zebra-bites", """
                    Zebra bites

                    Overview

                    A zebra bite needs cleaning; see a doctor if it swells.
                    """,
            "kidney-stones", """
                    Kidney stones

                    Overview

                    Kidney stones are hard deposits that form in the kidney.
                    """,
            "asthma", """
                    Asthma

                    Overview

                    Asthma makes the airways narrow, causing wheezing and shortness of breath.
                    """);

    public static final String CALCITONIN_QUESTION = "calcitonin salmon nasal spray.. I picked up a bottle from the "
            + "pharmacy and left it in my car for a day. Box and literature state \"refrigerate until opened.\" "
            + "Pharmacist insisted it was ok \"for 30 days\" at room temperature. Is it still safe to use?";

    private PastedQuestionCorpus() {
    }

    /** Writes the articles into {@code dir}, one file each. */
    public static Path write(Path dir) throws IOException {
        Files.createDirectories(dir);
        for (var e : ARTICLES.entrySet()) {
            Files.writeString(dir.resolve(e.getKey() + ".txt"), e.getValue());
        }
        return dir;
    }
}
