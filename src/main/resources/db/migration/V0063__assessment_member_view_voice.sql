-- A member may say their view of an outcome as well as, or instead of, typing the sentence (issue 11:
-- "plus a sentence, typed or recorded"). The recording is a file of the media module, checked there
-- and uploaded by the member, so subject access finds it as theirs and erasure deletes its bytes (and
-- the cascade empties this column, before the view itself goes with the member's other comments).

alter table review_member_view add column voice_media_id uuid references media_file (id);

create index review_member_view_voice on review_member_view (voice_media_id) where voice_media_id is not null;
