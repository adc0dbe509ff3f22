-- Erasing a person (organisation/Erasure) keeps what they made for the organisation, a lesson or a
-- self-assessment round and its actions, and takes their name off it: the "by" columns may be empty.
alter table lesson alter column created_by drop not null;
alter table self_assessment alter column created_by drop not null;
alter table self_assessment_action alter column created_by drop not null;
