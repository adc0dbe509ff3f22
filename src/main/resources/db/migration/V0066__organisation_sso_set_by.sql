-- Who set an organisation's single sign-on (docs/sso.md): its ADMIN on the settings page, the
-- platform operator on the operator's pages, or the operator's environment settings
-- (app.sso.organisations, applied at start-up). Set by the operator (either way), the ADMIN sees
-- the settings read-only, "Set by your operator".
alter table sso_settings add column set_by text not null default 'ADMIN' check (set_by in ('ADMIN', 'OPERATOR', 'ENVIRONMENT'));
