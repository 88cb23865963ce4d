-- PUT of one body to a list of URLs in turn, one key per connection as a client with many objects writes them
-- (a store that locks per key is measured as such, not on one contended key).
--   wrk -s put.lua <first URL> -- <file of URLs, one a line> <body file> <threads>
-- Thread i of n sends to the URLs i+1, i+1+n, …: no key is written by two threads at once. Each request is built
-- once in init (wrk.format sets Content-Length from the body) and only picked in request().
dofile(debug.getinfo(1, "S").source:match("^@(.*/)") .. "report.lua")

local index = 0
function setup(thread)
   thread:set("thread_index", index)
   index = index + 1
end

local prepared, next_request = {}, 0

function init(args)
   local file = assert(io.open(args[2], "rb"))
   local body = file:read("*a")
   file:close()
   local threads = tonumber(args[3])
   local n = 0
   for url in io.lines(args[1]) do
      if n % threads == thread_index then
         local path = assert(url:match("^https?://[^/]+(/.*)$"), "not a URL: " .. url)
         prepared[#prepared + 1] = wrk.format("PUT", path, wrk.headers, body)
      end
      n = n + 1
   end
   assert(#prepared > 0, "thread " .. thread_index .. " has no URL")
end

function request()
   next_request = next_request % #prepared + 1
   return prepared[next_request]
end
