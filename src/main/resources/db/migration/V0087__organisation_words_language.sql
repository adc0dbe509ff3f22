-- The language an organisation writes its own words in (issue #13): project names, outcomes, forms'
-- questions, evidence titles. The service's own words follow the page's language; these do not, so a
-- page marks them with this language where it differs (WCAG 3.1.2, language of parts). Words given
-- "In Welsh" beside them are always Welsh.
alter table organisation add column words_language text not null default 'en'
    check (words_language in ('en', 'cy'));
