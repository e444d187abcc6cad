package org.medsearch.ingest;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** Headings, often questions, map to a kind by their intent words, not by the subject's name. */
class SectionKindsTest {

    @ParameterizedTest(name = "{0} -> {1}")
    @CsvSource(delimiter = '|', textBlock = """
            What is (are) Zika virus ?                                   | OVERVIEW
            What is Zika virus?                                          | OVERVIEW
            Do you have information about Zika virus                     | OVERVIEW
            How many people are affected by Zika virus ?                 | OVERVIEW
            Introduction                                                 | OVERVIEW
            Summary                                                      | OVERVIEW
            What causes Zika virus ?                                     | CAUSES
            Cause                                                        | CAUSES
            Who is at risk for Zika virus? ?                             | CAUSES
            Causes and risk factors                                      | CAUSES
            What are the symptoms of Zika virus ?                        | SYMPTOMS
            Signs and symptoms                                           | SYMPTOMS
            Symptoms and causes                                          | SYMPTOMS
            Examine                                                      | EXAMINATION
            Exams and Tests                                              | EXAMINATION
            Investigations                                               | EXAMINATION
            How to diagnose Zika virus ?                                 | DIAGNOSIS
            Diagnosis                                                    | DIAGNOSIS
            Tests and diagnosis                                          | DIAGNOSIS
            What are the stages of Zika virus ?                          | DIAGNOSIS
            What are the treatments for Zika virus ?                     | TREATMENT
            What to do for Zika virus ?                                  | TREATMENT
            Dosage                                                       | TREATMENT
            How should this medicine be used?                            | TREATMENT
            How should Zika virus be used and what is the dosage ?       | TREATMENT
            What should I do if I forget a dose of Zika virus ?          | TREATMENT
            How to prevent Zika virus ?                                  | PREVENTION
            Why get vaccinated with Zika virus ?                         | PREVENTION
            What are the complications of Zika virus ?                   | COMPLICATIONS
            Side effects                                                 | COMPLICATIONS
            What are the side effects or risks of Zika virus ?           | COMPLICATIONS
            What is the outlook for Zika virus ?                         | OUTLOOK
            Outlook (Prognosis)                                          | OUTLOOK
            Is Zika virus inherited ?                                    | GENETICS
            What are the genetic changes related to Zika virus ?         | GENETICS
            what research (or clinical trials) is being done for Zika virus ? | OTHER
            What to do in case of emergency or overdose of Zika virus ?  | OTHER
            Are there interactions between Zika virus and other medications ? | OTHER
            Do I need to see a doctor for Zika virus ?                   | OTHER
            Where to find support for people with Zika virus ?           | OTHER
            Acknowledgements                                             | OTHER
            """)
    void mapsHeadingToKindByIntentWords(String heading, SectionKind kind) {
        assertEquals(kind, SectionKinds.fromHeading(heading, List.of("Zika virus")));
    }

    @Test
    void subjectNameDoesNotDecideTheKind() {
        List<String> subject = List.of("Treatment-resistant depression");

        assertEquals(SectionKind.OVERVIEW,
                SectionKinds.fromHeading("What is Treatment-resistant depression?", subject));
        assertEquals(SectionKind.CAUSES,
                SectionKinds.fromHeading("What causes Treatment-resistant depression?", subject));
        assertEquals(SectionKind.CAUSES,
                SectionKinds.fromHeading("What causes Cushing's syndrome?", List.of("Cushing's syndrome")));
    }

    @Test
    void subjectIsCutOnlyAsWholeWords() {
        // The alias 'PEO' must not eat the 'peo' of 'people'.
        assertEquals(SectionKind.OVERVIEW, SectionKinds.fromHeading(
                "How many people are affected by progressive external ophthalmoplegia ?", List.of("PEO")));
    }
}
