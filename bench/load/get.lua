-- GET of the URL on wrk's command line (a presigned URL, or nginx's file), with the headers given by -H:
-- one request built once per thread, as wrk does without a script.
dofile(debug.getinfo(1, "S").source:match("^@(.*/)") .. "report.lua")
