-- serve-wrk.lua - wrk's requests for bench/serve-bench: the queries of the
-- file $QUERIES (one a line), each as GET /api/search?q=..., in turn, each
-- wrk thread starting at its own place.
local paths = {}
local i = 0

local function encode(s)
  return (s:gsub("[^%w%-_%.~]", function(c) return string.format("%%%02X", string.byte(c)) end))
end

function init(args)
  for line in io.lines(os.getenv("QUERIES")) do
    paths[#paths + 1] = "/api/search?q=" .. encode(line)
  end
  i = math.random(#paths)
end

function request()
  i = i % #paths + 1
  return wrk.format("GET", paths[i])
end
