-- Forms in Welsh as well as English (issue #13). A form's title and introduction can also be given
-- in Welsh; its questions' Welsh words live beside the English in form_version.questions (JSON, see
-- form.Question). Each response records the language the person answered in. Answers are kept by
-- position (choice 1, 2, ...), never by label, so answers in either language are counted together.
alter table form add column title_cy text, add column intro_cy text;

alter table form_response add column language text not null default 'en' check (language in ('en', 'cy'));
