-- One-time submission tokens (shared/web/SubmitOnce): every signed-in form carries a fresh token,
-- and the first POST that brings it claims it here. A second POST with the same token (a double
-- click, a retry) makes nothing and is sent to where the first one went (issue 17).
create table form_submission (
    token text primary key,
    account_name text not null,
    claimed_at timestamptz not null default now(),
    -- Where the first POST sent the person (a path); null while it is still being handled.
    outcome text
);

create index form_submission_claimed_at on form_submission (claimed_at);
