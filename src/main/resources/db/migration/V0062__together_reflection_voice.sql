-- A reflection may be spoken as well as, or instead of, typed (issue 12): the recording is a file of
-- the media module (checked by its content there, and added by the writer, so subject access and
-- erasure find it through media_file.uploaded_by). Erasure deletes the file and empties this column.

alter table reflection add column voice_media_id uuid references media_file (id);

-- The old rule wanted a face or words. A reflection may now be a recording alone, and erasing the
-- person who recorded it empties voice_media_id before their reflections go, so the rule that there
-- is something (a face, words or a recording) is kept by ReflectionService, not by a check here.
alter table reflection drop constraint reflection_check;

create index reflection_voice on reflection (voice_media_id) where voice_media_id is not null;
