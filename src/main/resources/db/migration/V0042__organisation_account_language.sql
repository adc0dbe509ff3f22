-- The language a person chose with the switch (English or Welsh), so it follows them to any device
-- they sign in on and their emails are written in it. Null: not chosen; the browser decides.
alter table user_account add column language text check (language in ('en', 'cy'));
