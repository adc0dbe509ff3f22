package org.coproduction.impact.form;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.UUID;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.coproduction.impact.evidence.ConsentUse;
import org.junit.jupiter.api.Test;

/** Reading and writing XLSForm files (issue #13): the mapping, the awkward files, and a round trip. */
class XlsFormTest {

    /** A workbook from sheets given as rows of cells; a null row is left out (a blank row in Excel). */
    static byte[] workbook(Object... sheetsAndRows) {
        try (XSSFWorkbook book = new XSSFWorkbook(); ByteArrayOutputStream out = new ByteArrayOutputStream()) {
            for (int i = 0; i < sheetsAndRows.length; i += 2) {
                Sheet sheet = book.createSheet((String) sheetsAndRows[i]);
                String[][] rows = (String[][]) sheetsAndRows[i + 1];
                for (int r = 0; r < rows.length; r++) {
                    if (rows[r] == null) {
                        continue;
                    }
                    Row row = sheet.createRow(r);
                    for (int c = 0; c < rows[r].length; c++) {
                        row.createCell(c).setCellValue(rows[r][c]);
                    }
                }
            }
            book.write(out);
            return out.toByteArray();
        } catch (IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }

    static XlsForm.Read read(byte[] file) {
        XlsForm.Reading reading = XlsForm.read(file);
        assertThat(reading).isInstanceOf(XlsForm.Read.class);
        return (XlsForm.Read) reading;
    }

    static List<String> reasons(XlsForm.Read read) {
        return read.notTaken().stream().map(XlsForm.NotTaken::reasonKey).toList();
    }

    @Test
    void mapsEachTypeWithWelshLabelsAndHints() {
        byte[] file = workbook(
                "survey", new String[][] {
                    {"type", "name", "label::English (en)", "label::Welsh (cy)", "hint::English (en)", "hint::Welsh (cy)", "required", "appearance"},
                    {"note", "welcome", "Thank you for coming", "Diolch am ddod", "", "", "", ""},
                    {"select_one feel", "feel", "How do you feel?", "Sut ŵyt ti’n teimlo?", "Pick one", "Dewiswch ŷn", "yes", "likert"},
                    {"select_one colour", "colour", "Favourite colour?", "Hoff liw?", "", "", "", ""},
                    {"select_multiple colour", "colours", "Which colours?", "Pa liwiau?", "", "", "TRUE", ""},
                    {"select_one yes_no", "again", "Would you come again?", "Fyddech chi’n dod eto?", "", "", "", ""},
                    {"integer", "age", "How old are you?", "", "", "", "", ""},
                    {"decimal", "miles", "How far did you travel?", "", "", "", "", ""},
                    {"text", "name_of_group", "Group name", "", "", "", "", ""},
                    {"text", "story", "Tell us more", "Dywedwch fwy", "", "", "", "multiline"},
                    {"date", "when", "When did you start?", "", "", "", "", ""}},
                "choices", new String[][] {
                    {"list_name", "name", "label::English (en)", "label::Welsh (cy)"},
                    {"feel", "1", "Low", "Isel"},
                    {"feel", "2", "OK", "Iawn"},
                    {"feel", "3", "Good", "Da"},
                    {"colour", "red", "Red", "Coch"},
                    {"colour", "blue", "Blue", "Glas"},
                    {"yes_no", "yes", "Yes", "Ie"},
                    {"yes_no", "no", "No", "Na"}},
                "settings", new String[][] {{"form_title", "form_id"}, {"After the group ŵ", "after_group"}});
        XlsForm.Read read = read(file);

        assertThat(read.title()).isEqualTo("After the group ŵ");
        assertThat(read.intro()).isEqualTo("Thank you for coming");
        assertThat(read.introCy()).isEqualTo("Diolch am ddod");
        assertThat(read.questions()).extracting(Question::type).containsExactly(QuestionType.RATING, QuestionType.SINGLE_CHOICE,
                QuestionType.MULTIPLE_CHOICE, QuestionType.YES_NO, QuestionType.NUMBER, QuestionType.NUMBER, QuestionType.SHORT_TEXT,
                QuestionType.LONG_TEXT, QuestionType.DATE);
        Question feel = read.questions().getFirst();
        assertThat(feel.key()).isEqualTo("feel");
        assertThat(feel.text()).isEqualTo("How do you feel?");
        assertThat(feel.textCy()).isEqualTo("Sut ŵyt ti’n teimlo?");
        assertThat(feel.hint()).isEqualTo("Pick one");
        assertThat(feel.hintCy()).isEqualTo("Dewiswch ŷn");
        assertThat(feel.required()).isTrue();
        assertThat(feel.options()).containsExactly("Low", "OK", "Good");
        assertThat(feel.optionsCy()).containsExactly("Isel", "Iawn", "Da");
        assertThat(read.questions().get(2).required()).isTrue();
        assertThat(read.questions().get(6).key()).isEqualTo("name-of-group");
        assertThat(read.notTaken()).isEmpty();
    }

    @Test
    void headersAreReadWhateverTheirCaseAndSpacingAndBlankRowsAreIgnored() {
        byte[] file = workbook(
                "Survey ", new String[][] {
                    null,
                    {" Type ", "NAME", "Label :: Welsh (cy)", "LABEL", "Hint"},
                    null,
                    {"select one  places", "place", "Ble?", "Where?", "Choose the nearest"},
                    {"", "", "", "", ""},
                    {"Text", "why", "Pam?", "Why?", ""}},
                "CHOICES", new String[][] {
                    {"List Name", "Name", "Label", "label::Cymraeg"},
                    {"places", "a", "Cardiff", "Caerdydd"},
                    null,
                    {"places", "b", "Swansea", "Abertawe"}});
        XlsForm.Read read = read(file);
        assertThat(read.questions()).hasSize(2);
        Question place = read.questions().getFirst();
        assertThat(place.type()).isEqualTo(QuestionType.SINGLE_CHOICE);
        assertThat(place.text()).isEqualTo("Where?");
        assertThat(place.textCy()).isEqualTo("Ble?");
        assertThat(place.hint()).isEqualTo("Choose the nearest");
        assertThat(place.options()).containsExactly("Cardiff", "Swansea");
        assertThat(place.optionsCy()).containsExactly("Caerdydd", "Abertawe");
        assertThat(read.questions().get(1).type()).isEqualTo(QuestionType.SHORT_TEXT);
        assertThat(read.title()).isNull();
    }

    @Test
    void listsEverythingItCannotTakeWithAReasonAndNeverDropsItSilently() {
        byte[] file = workbook(
                "survey", new String[][] {
                    {"type", "name", "label", "relevant", "constraint", "required"},
                    {"start", "start", "", "", "", ""},
                    {"text", "first", "First question", "", "", ""},
                    {"note", "mid", "A note between questions", "", "", ""},
                    {"integer", "count", "How many?", "${first} != ''", ". > 0", "${first} = 'x'"},
                    {"calculate", "total", "", "", "", ""},
                    {"begin group", "about", "About you", "", "", ""},
                    {"text", "town", "Your town", "", "", ""},
                    {"end group", "", "", "", "", ""},
                    {"begin repeat", "children", "Children", "", "", ""},
                    {"text", "child_name", "Name", "", "", ""},
                    {"integer", "child_age", "Age", "", "", ""},
                    {"end repeat", "", "", "", "", ""},
                    {"geopoint", "where", "Where are you?", "", "", ""},
                    {"select_one missing", "pick", "Pick one", "", "", ""},
                    {"text", "unlabelled", "", "", "", ""},
                    {"", "orphan", "A row with no type", "", "", ""}},
                "choices", new String[][] {{"list_name", "name", "label"}, {"other", "a", "A"}});
        XlsForm.Read read = read(file);
        assertThat(read.questions()).extracting(Question::text).containsExactly("First question", "How many?", "Your town");
        assertThat(reasons(read)).containsExactly("form.xlsform.not-taken.automatic", "form.xlsform.not-taken.note",
                "form.xlsform.not-taken.relevant", "form.xlsform.not-taken.constraint", "form.xlsform.not-taken.required-logic",
                "form.xlsform.not-taken.calculate", "form.xlsform.not-taken.group", "form.xlsform.not-taken.repeat",
                "form.xlsform.not-taken.type", "form.xlsform.not-taken.list-missing", "form.xlsform.not-taken.no-label",
                "form.xlsform.not-taken.no-type");
        XlsForm.NotTaken repeat = read.notTaken().stream().filter(n -> n.reasonKey().endsWith("repeat")).findFirst().orElseThrow();
        assertThat(repeat.name()).isEqualTo("children");
        assertThat(repeat.args()).containsExactly("2");
        assertThat(repeat.row()).isEqualTo(10);
        assertThat(read.notTaken().stream().filter(n -> n.reasonKey().endsWith(".type")).findFirst().orElseThrow().args())
                .containsExactly("geopoint");
    }

    @Test
    void selectsWithoutAChoicesSheetAreListed() {
        XlsForm.Read read = read(workbook("survey", new String[][] {{"type", "name", "label"}, {"select_one yn", "q", "Yes or no?"},
                {"text", "t", "Anything else?"}}));
        assertThat(read.questions()).extracting(Question::text).containsExactly("Anything else?");
        assertThat(reasons(read)).containsExactly("form.xlsform.not-taken.no-choices-sheet");
        assertThat(read.notTaken().getFirst().args()).containsExactly("yn");
    }

    @Test
    void refusesFilesThatAreNotXlsFormsWithAReason() {
        assertThat(XlsForm.read(new byte[0])).isEqualTo(new XlsForm.Refused("form.xlsform.error.empty-file"));
        assertThat(XlsForm.read("type,name,label\ntext,a,A\n".getBytes(StandardCharsets.UTF_8)))
                .isEqualTo(new XlsForm.Refused("form.xlsform.error.not-xlsx"));
        assertThat(XlsForm.read(new byte[] {'P', 'K', 3, 4, 0, 0, 0}))
                .isEqualTo(new XlsForm.Refused("form.xlsform.error.not-xlsx"));
        assertThat(XlsForm.read(workbook("questions", new String[][] {{"type", "name", "label"}, {"text", "a", "A"}})))
                .isEqualTo(new XlsForm.Refused("form.xlsform.error.no-survey"));
        assertThat(XlsForm.read(workbook("survey", new String[][] {})))
                .isEqualTo(new XlsForm.Refused("form.xlsform.error.empty"));
        assertThat(XlsForm.read(workbook("survey", new String[][] {{"type", "name", "label"}})))
                .isEqualTo(new XlsForm.Refused("form.xlsform.error.empty"));
        assertThat(XlsForm.read(workbook("survey", new String[][] {{"kind", "name", "label"}, {"text", "a", "A"}})))
                .isEqualTo(new XlsForm.Refused("form.xlsform.error.no-type"));
    }

    @Test
    void refusesASmallFileThatUnzipsToFarMoreThanAnyForm() throws IOException {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try (java.util.zip.ZipOutputStream zip = new java.util.zip.ZipOutputStream(out)) {
            zip.putNextEntry(new java.util.zip.ZipEntry("xl/sharedStrings.xml"));
            byte[] spaces = new byte[1024 * 1024];
            java.util.Arrays.fill(spaces, (byte) ' ');
            for (int i = 0; i < 41; i++) {
                zip.write(spaces);
            }
            zip.closeEntry();
        }
        assertThat(out.size()).isLessThan(XlsForm.MAX_BYTES);
        assertThat(XlsForm.read(out.toByteArray())).isEqualTo(new XlsForm.Refused("form.xlsform.error.too-much"));
    }

    @Test
    void anExportedFormReadsBackAsTheSameQuestions() {
        List<Question> questions = List.of(
                new Question("fun", QuestionType.RATING, "Was it fun?", "Choose one", null, null, true, List.of("Poor", "Fair", "Good"),
                        ScaleStyle.WORDS, null, null, null, null).withWelsh("Oedd e’n hwyl?", "Dewiswch un", null, List.of("Gwael", "Teg", "Da")),
                new Question("which", QuestionType.SINGLE_CHOICE, "Which group?", null, null, null, false, List.of("Art", "Cooking"),
                        ScaleStyle.WORDS, null, null, null, null),
                new Question("all", QuestionType.MULTIPLE_CHOICE, "What helped?", null, null, null, false, List.of("Tea", "Talk", "Walks"),
                        ScaleStyle.WORDS, null, null, null, null).withWelsh("Beth helpodd?", null, null, List.of("Te", "Sgwrs", "Teithiau")),
                new Question("again", QuestionType.YES_NO, "Would you come again?", null, null, null, true, List.of(), ScaleStyle.WORDS, null,
                        null, null, null),
                new Question("miles", QuestionType.NUMBER, "How far?", "In miles", null, null, false, List.of(), ScaleStyle.WORDS, null, null,
                        null, null),
                new Question("name", QuestionType.SHORT_TEXT, "Your group’s name ŵ ŷ", null, null, null, false, List.of(), ScaleStyle.WORDS,
                        null, null, null, null),
                new Question("more", QuestionType.LONG_TEXT, "Tell us more", null, null, null, false, List.of(), ScaleStyle.WORDS, null, null,
                        null, null).withWelsh("Dywedwch fwy", null, null, List.of()),
                new Question("when", QuestionType.DATE, "When did you join?", null, null, null, false, List.of(), ScaleStyle.WORDS, null, null,
                        null, null),
                new Question("mood", QuestionType.RATING, "How did the session leave you feeling?", null, "How do you feel now?", null, false,
                        List.of("Sad", "OK", "Happy"), ScaleStyle.FACES, null, null, null, null)
                        .withWelsh("Sut oeddech chi’n teimlo ar ôl y sesiwn?", null, null, List.of("Trist", "Iawn", "Hapus"))
                        .withWelshEasyRead("Sut wyt ti’n teimlo nawr?", null),
                new Question("confidence", QuestionType.BEFORE_AFTER, "How confident were you before the group?", "Think back", "Before: sure?",
                        null, true, List.of("Not at all", "A bit", "Very"), ScaleStyle.NUMBERS, "How confident are you now?", "Now: sure?", null,
                        null)
                        .withWelsh("Pa mor hyderus oeddech chi cyn y grŵp?", null, "Pa mor hyderus ydych chi nawr?",
                                List.of("Dim o gwbl", "Ychydig", "Iawn"))
                        .withWelshEasyRead("Cyn: yn siŵr?", "Nawr: yn siŵr?"));
        Form form = new Form(UUID.randomUUID(), null, "Round trip", "Hello", "tok", "code", FormStatus.DRAFT, null, false, false, 1, questions,
                1, null, OffsetDateTime.now(), false, ConsentUse.INTERNAL_LEARNING, "Taith gron", "Helo");

        XlsForm.Read back = read(XlsForm.write(form));

        assertThat(back.title()).isEqualTo("Round trip");
        assertThat(back.titleCy()).isEqualTo("Taith gron");
        assertThat(back.intro()).isEqualTo("Hello");
        assertThat(back.introCy()).isEqualTo("Helo");
        assertThat(back.notTaken()).isEmpty();
        assertThat(back.questions()).hasSize(questions.size());
        for (int i = 0; i < questions.size(); i++) {
            Question was = questions.get(i);
            Question now = back.questions().get(i);
            assertThat(now.type()).as(was.key()).isEqualTo(was.type());
            assertThat(now.text()).isEqualTo(was.text());
            assertThat(now.hint()).isEqualTo(was.hint());
            assertThat(now.required()).isEqualTo(was.required());
            assertThat(now.options()).isEqualTo(was.options());
            assertThat(now.textCy()).isEqualTo(was.textCy());
            assertThat(now.hintCy()).isEqualTo(was.hintCy());
            assertThat(now.optionsCy()).isEqualTo(was.optionsCy());
            assertThat(now.afterText()).isEqualTo(was.afterText());
            assertThat(now.afterTextCy()).isEqualTo(was.afterTextCy());
            assertThat(now.easyReadText()).isEqualTo(was.easyReadText());
            assertThat(now.easyReadAfterText()).isEqualTo(was.easyReadAfterText());
            assertThat(now.easyReadTextCy()).isEqualTo(was.easyReadTextCy());
            assertThat(now.easyReadAfterTextCy()).isEqualTo(was.easyReadAfterTextCy());
            assertThat(now.scale()).isEqualTo(was.scale());
            assertThat(now.asksSomethingDifferentFrom(was)).isFalse();
        }
    }

    @Test
    void anOrganisationWritingInWelshReadsTheWelshColumnsAsItsQuestionsAndTheEnglishAsTheirSecondWords() {
        byte[] file = workbook(
                "survey", new String[][] {
                    {"type", "name", "label::English (en)", "label::Welsh (cy)", "hint::English (en)", "hint::Welsh (cy)"},
                    {"select_one feel", "feel", "How do you feel?", "Sut ŵyt ti’n teimlo?", "Pick one", "Dewiswch un"},
                    {"text", "name", "Your name", "", "", ""},
                    {"select_one colour", "colour", "Colour?", "Lliw?", "", ""}},
                "choices", new String[][] {
                    {"list_name", "name", "label::English (en)", "label::Welsh (cy)"},
                    {"feel", "1", "Sad", "Trist"},
                    {"feel", "2", "Happy", "Hapus"},
                    {"colour", "red", "Red", "Coch"},
                    {"colour", "green", "", "Gwyrdd"}},
                "settings", new String[][] {{"form_title", "form_title::Welsh (cy)"}, {"Walk survey", "Arolwg y daith"}});

        XlsForm.Reading reading = XlsForm.read(file, "cy");
        assertThat(reading).isInstanceOf(XlsForm.Read.class);
        XlsForm.Read welsh = (XlsForm.Read) reading;
        assertThat(welsh.title()).isEqualTo("Arolwg y daith");
        assertThat(welsh.titleCy()).as("the second title is the English").isEqualTo("Walk survey");
        Question feel = welsh.questions().getFirst();
        assertThat(feel.text()).isEqualTo("Sut ŵyt ti’n teimlo?");
        assertThat(feel.hint()).isEqualTo("Dewiswch un");
        assertThat(feel.options()).containsExactly("Trist", "Hapus");
        assertThat(feel.textCy()).isEqualTo("How do you feel?");
        assertThat(feel.hintCy()).isEqualTo("Pick one");
        assertThat(feel.optionsCy()).containsExactly("Sad", "Happy");
        // A question the file gives only in English is not lost: there is nothing else to ask it with.
        assertThat(welsh.questions().get(1).text()).isEqualTo("Your name");
        // A choice with no English: the choices are the Welsh ones for everyone, and the preview says so in those words.
        assertThat(welsh.questions().get(2).options()).containsExactly("Coch", "Gwyrdd");
        assertThat(welsh.questions().get(2).optionsCy()).isEmpty();
        assertThat(reasons(welsh)).containsExactly("form.xlsform.not-taken.some-english-choices");

        // The same file for an organisation writing in English: English first, as always.
        XlsForm.Read english = read(file);
        assertThat(english.title()).isEqualTo("Walk survey");
        assertThat(english.questions().getFirst().text()).isEqualTo("How do you feel?");
        assertThat(english.questions().getFirst().textCy()).isEqualTo("Sut ŵyt ti’n teimlo?");
    }

    @Test
    void aWelshWritingOrganisationsFormIsWrittenWithItsWordsInTheWelshColumnsAndReadsBackTheSame() throws IOException {
        List<Question> questions = List.of(
                new Question("feel", QuestionType.RATING, "Sut ŵyt ti’n teimlo?", "Dewiswch un", "Wyt ti’n hapus?", null, true,
                        List.of("Trist", "Iawn", "Hapus"), ScaleStyle.FACES, null, null, null, null)
                        .withWelsh("How do you feel?", "Pick one", null, List.of("Sad", "OK", "Happy"))
                        .withWelshEasyRead("Are you happy?", null),
                new Question("again", QuestionType.YES_NO, "Fyddech chi’n dod eto?", null, null, null, false, List.of(), ScaleStyle.WORDS, null,
                        null, null, null),
                new Question("more", QuestionType.LONG_TEXT, "Dywedwch fwy", null, null, null, false, List.of(), ScaleStyle.WORDS, null, null,
                        null, null));
        Form form = new Form(UUID.randomUUID(), null, "Arolwg y daith", "Helo", "tok", "code", FormStatus.DRAFT, null, false, false, 1,
                questions, 1, null, OffsetDateTime.now(), false, ConsentUse.INTERNAL_LEARNING, "Walk survey", "Hello");

        byte[] file = XlsForm.write(form, "cy");
        try (XSSFWorkbook book = new XSSFWorkbook(new java.io.ByteArrayInputStream(file))) {
            Row head = book.getSheet("survey").getRow(0);
            assertThat(head.getCell(2).getStringCellValue()).isEqualTo("label::Welsh (cy)");
            assertThat(book.getSheet("survey").getRow(2).getCell(2).getStringCellValue()).isEqualTo("Sut ŵyt ti’n teimlo?");
            Row settings = book.getSheet("settings").getRow(1);
            assertThat(settings.getCell(2).getStringCellValue()).isEqualTo("Welsh (cy)");
        }

        XlsForm.Read back = (XlsForm.Read) XlsForm.read(file, "cy");
        assertThat(back.notTaken()).isEmpty();
        assertThat(back.title()).isEqualTo("Arolwg y daith");
        assertThat(back.titleCy()).isEqualTo("Walk survey");
        assertThat(back.intro()).isEqualTo("Helo");
        assertThat(back.introCy()).isEqualTo("Hello");
        Question feel = back.questions().getFirst();
        assertThat(feel.text()).isEqualTo("Sut ŵyt ti’n teimlo?");
        assertThat(feel.options()).containsExactly("Trist", "Iawn", "Hapus");
        assertThat(feel.textCy()).isEqualTo("How do you feel?");
        assertThat(feel.optionsCy()).containsExactly("Sad", "OK", "Happy");
        assertThat(feel.easyReadText()).isEqualTo("Wyt ti’n hapus?");
        assertThat(feel.easyReadTextCy()).isEqualTo("Are you happy?");
        assertThat(back.questions().get(1).type()).isEqualTo(QuestionType.YES_NO);
        assertThat(back.questions().get(2).text()).isEqualTo("Dywedwch fwy");
        assertThat(back.questions().get(2).textCy()).isNull();
    }

    @Test
    void aPairNamedBeforeAndAfterOnOneListIsOneQuestionButOtherRatingsStayApart() {
        byte[] file = workbook(
                "survey", new String[][] {
                    {"type", "name", "label", "appearance", "easy_read", "easy_read::Welsh (cy)", "scale"},
                    {"select_one sure", "calm_before", "How calm were you before?", "likert", "Calm before?", "", "faces"},
                    {"select_one sure", "calm_after", "How calm are you now?", "likert", "Calm now?", "Tawel nawr?", "faces"},
                    {"select_one sure", "tea_before", "Did you like the tea before?", "likert", "", "", ""},
                    {"select_one other", "tea_after", "Do you like the tea now?", "likert", "", "", ""},
                    {"select_one sure", "lonely_before", "Lonely before?", "likert", "", "", "colours"},
                    {"text", "why", "Why?", "", "x".repeat(Question.MAX_TEXT + 1), "", ""},
                },
                "choices", new String[][] {
                    {"list_name", "name", "label"},
                    {"sure", "1", "No"},
                    {"sure", "2", "Yes"},
                    {"other", "1", "Less"},
                    {"other", "2", "More"},
                });

        XlsForm.Read read = read(file);

        assertThat(read.questions()).extracting(Question::type).containsExactly(QuestionType.BEFORE_AFTER, QuestionType.RATING,
                QuestionType.RATING, QuestionType.RATING, QuestionType.SHORT_TEXT);
        Question calm = read.questions().getFirst();
        assertThat(calm.key()).isEqualTo("calm");
        assertThat(calm.text()).isEqualTo("How calm were you before?");
        assertThat(calm.afterText()).isEqualTo("How calm are you now?");
        assertThat(calm.easyReadText()).isEqualTo("Calm before?");
        assertThat(calm.easyReadAfterText()).isEqualTo("Calm now?");
        assertThat(calm.easyReadAfterTextCy()).isEqualTo("Tawel nawr?");
        assertThat(calm.scale()).isEqualTo(ScaleStyle.FACES);
        assertThat(read.questions().get(3).scale()).as("a scale we do not know is words").isEqualTo(ScaleStyle.WORDS);
        Question why = read.questions().getLast();
        assertThat(why.text()).isEqualTo("Why?");
        assertThat(why.easyReadText()).isNull();
        assertThat(read.notTaken()).extracting(XlsForm.NotTaken::name, XlsForm.NotTaken::reasonKey)
                .containsExactly(org.assertj.core.groups.Tuple.tuple("why", "form.xlsform.not-taken.easy-read-too-long"));
    }
}
