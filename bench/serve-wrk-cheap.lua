-- serve-wrk-cheap.lua - wrk's requests for bench/serve-bench's memory runs:
-- cheap requests in turn (a paragraph shown, a search that finds nothing,
-- a bad query), so that many fit in a short time.
local paths = {
  "/api/show?id=E/RES/2017/19%235",
  "/api/search?q=zzqxw",
  "/api/search?q=%22unclosed",
}
local i = 0
function request()
  i = i % #paths + 1
  return wrk.format("GET", paths[i])
end
