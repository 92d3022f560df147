-- Purpose: wrk script for ./run bench stats: POST /api/events with a batch of 20 events (a page view,
-- screens, a Sudoku game and a Bricks game) as the game page sends it, from a browser-like user agent
-- that differs per request (so the visitor key is computed for many visitors, as in real traffic).
local events = {
  '{"name":"page_view","age":900,"path":"/","ref":"example.org","lang":"en","screen":"phone"}',
  '{"name":"app_screen","age":800,"screen":"start","theme":"dark","lang":"en"}',
  '{"name":"sudoku_started","age":700,"level":"hard","daily":false}',
  '{"name":"sudoku_won","age":600,"level":"hard","daily":false,"duration":412,"hints":1,"mistakes":2,"undos":5}',
  '{"name":"bricks_started","age":500}',
  '{"name":"bricks_over","age":400,"score":1830,"placements":61,"lines":19,"hints":2,"duration":305}',
}
local parts = {}
for i = 1, 20 do parts[i] = events[(i - 1) % #events + 1] end
local body = '{"v":1,"events":[' .. table.concat(parts, ",") .. ']}'
local counter = 0

function setup(thread)
  counter = counter + 1
  thread:set("tid", counter)
end

function init(args)
  math.randomseed(os.time() * 1000 + (tid or 0))
end

request = function()
  local ua = string.format("Mozilla/5.0 (X11; Linux x86_64) AppleWebKit/537.36 Chrome/120.0 Safari/537.36 b%d",
    math.random(1, 100000))
  return wrk.format("POST", "/api/events", { ["Content-Type"] = "text/plain;charset=UTF-8", ["User-Agent"] = ua }, body)
end
