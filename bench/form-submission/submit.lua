-- wrk script: each request sends the final "Send my answers" POST of one prepared half-done form.
-- Every draft token is used once, so every request is a real, new submission (a resend would be
-- answered from the unique key without an insert, and measure less).
-- Environment: FIRST_DRAFT (where this run's block of drafts starts), FORM_TOKEN (the form's public token), DRAFTS (how many drafts were prepared),
-- CSRF_COOKIE and CSRF_PARAM (a valid pair for the cookie-held CSRF token; see run.sh).

local form = os.getenv("FORM_TOKEN")
local drafts = tonumber(os.getenv("DRAFTS"))
local csrfCookie = os.getenv("CSRF_COOKIE")
local csrfParam = os.getenv("CSRF_PARAM")

local threads = {}
local counter = 0

function setup(thread)
    counter = counter + 1
    thread:set("id", counter)
    table.insert(threads, thread)
end

function init(args)
    nthreads = tonumber(os.getenv("THREADS"))
    first = tonumber(os.getenv("FIRST_DRAFT") or "0")
    next_draft = first + id - 1
    failures = 0
end

local function token(n)
    -- Must match the tokens run.sh made: 'bench' and the number, padded with 'k' to 32 characters.
    local s = "bench" .. string.format("%d", n):gsub("0", "z"):gsub("1", "y")
    return s .. string.rep("k", 32 - #s)
end

function request()
    if next_draft >= drafts then
        next_draft = first + id - 1 -- ran out: later requests are resends, which run.sh reports
    end
    local t = token(next_draft)
    next_draft = next_draft + nthreads
    return wrk.format("POST", "/r/" .. form .. "/submit", {
        ["Content-Type"] = "application/x-www-form-urlencoded",
        ["Cookie"] = "form_draft=" .. t .. "; respondent_csrf=" .. csrfCookie,
    }, "_csrf=" .. csrfParam)
end

function response(status, headers, body)
    if status ~= 302 then
        failures = failures + 1
    end
end

function done(summary, latency, requests)
    local failed = 0
    for _, thread in ipairs(threads) do
        failed = failed + thread:get("failures")
    end
    io.write(string.format("JSON {\"requests\": %d, \"seconds\": %.2f, \"rps\": %.1f, \"p50_ms\": %.2f, \"p95_ms\": %.2f, \"p99_ms\": %.2f, \"non_redirects\": %d, \"socket_errors\": %d}\n",
        summary.requests, summary.duration / 1e6, summary.requests / (summary.duration / 1e6),
        latency:percentile(50) / 1000, latency:percentile(95) / 1000, latency:percentile(99) / 1000, failed,
        summary.errors.connect + summary.errors.read + summary.errors.write + summary.errors.timeout))
end
