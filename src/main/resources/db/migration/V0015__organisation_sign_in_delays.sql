-- Sign-in throttling by delay, not lock-out (issues 15 and 17): failures are counted per account
-- and address, and wrong invitation codes are a separate budget per address, so no one can keep
-- other people out by failing on purpose.
alter table sign_in_failure
    add column purpose text not null default 'sign-in' check (purpose in ('sign-in', 'join-code'));

drop index sign_in_failure_account;
drop index sign_in_failure_address;
create index sign_in_failure_account_address on sign_in_failure (account_key, remote_address, at) where purpose = 'sign-in';
create index sign_in_failure_code_address on sign_in_failure (remote_address, at) where purpose = 'join-code';
create index sign_in_failure_at on sign_in_failure (at);
