-- Access needs (issue 12): what a member needs to take part (large print, easy read, British Sign
-- Language, a hearing loop, step-free access, breaks, someone with them), times they cannot make and
-- anything else, in their own words. Set by the member, or by a facilitator with them (set_by says
-- who, set_at when). Private to the member, the facilitators of their projects and ADMINs.
create table access_needs (
    organisation_id uuid not null references organisation (id),
    user_id uuid not null references user_account (id),
    large_print boolean not null default false,
    easy_read boolean not null default false,
    british_sign_language boolean not null default false,
    hearing_loop boolean not null default false,
    step_free boolean not null default false,
    breaks boolean not null default false,
    supporter boolean not null default false,
    times_cannot_make text check (length(times_cannot_make) <= 500),
    anything_else text check (length(anything_else) <= 1000),
    set_by uuid references user_account (id),
    set_at timestamptz not null default now(),
    primary key (organisation_id, user_id)
);
