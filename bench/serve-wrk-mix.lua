-- serve-wrk-mix.lua - wrk's requests for bench/serve-memory: every kind of
-- answer in turn (searches with facets, grouped, by date, one finding
-- nothing, a bad query; a paragraph and a resolution shown; a similar
-- text; the stats; a file of the page).
local text = "Also encourages Member States to build or enhance the capacity of criminal " ..
  "justice officials and practitioners, including through specialized training;"
-- One round of 50: the costly answers once each (a similar text, a whole
-- resolution with who cites it, a search with its facets, a grouped
-- search by date, a search), then cheap ones, so that 100,000 fit in a few
-- minutes of CPU on a busy machine.
local reqs = {
  {"POST", "/api/similar", text},
  {"GET", "/api/show?id=2017/19"},
  {"GET", "/api/search?q=alternatives+to+imprisonment&facets=1"},
  {"GET", "/api/search?q=victims&group=1&sort=date"},
  {"GET", "/api/search?q=prison"},
}
local cheap = {
  {"GET", "/api/search?q=zzqxw"},
  {"GET", "/api/search?q=%22unclosed"},
  {"GET", "/api/show?id=E/RES/2017/19%235"},
  {"GET", "/app.js"},
  {"GET", "/"},
}
for k = 1, 45 do
  reqs[#reqs + 1] = cheap[(k - 1) % #cheap + 1]
end
local i = 0
function init(args)
  i = math.random(#reqs)
end

function request()
  i = i % #reqs + 1
  local r = reqs[i]
  if r[3] then
    return wrk.format(r[1], r[2], {["Content-Type"] = "text/plain"}, r[3])
  end
  return wrk.format(r[1], r[2])
end

