-- The self-assessment of the whole organisation (issue 12: "a self-assessment of a project (or the
-- whole organisation)"): a round with no project is the organisation's, answered by everyone in it.
-- Its weak areas still become tasks, in the tracker of a project the admin chooses, so an action
-- now names the project its task is in (for a project's round it is that project).

alter table self_assessment alter column project_id drop not null;

create index self_assessment_organisation_wide on self_assessment (organisation_id, opened_on) where project_id is null;

alter table self_assessment_action add column project_id uuid references project (id);
