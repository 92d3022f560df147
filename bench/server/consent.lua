-- Purpose: wrk script for ./run bench server: POST /api/consent with a valid receipt whose record id
-- is new for every request (so the database does real inserts, not one record's numbering).
local template = '{"event":"given","record":{"v":1,"id":"c-%s","site":"astradia","time":"2026-11-21T10:15:30.123Z",' ..
  '"expires":"2027-11-21T10:15:30.123Z","method":"banner","language":"en",' ..
  '"choices":{"necessary":true,"statistics":false,"ads":false},' ..
  '"documents":[{"id":"terms","version":"1.0","hash":"' .. string.rep("ab", 32) .. '"}],' ..
  '"age_confirmed":true,"gpc":false}}'
local headers = { ["Content-Type"] = "application/json" }
local counter = 0

function setup(thread)
  counter = counter + 1
  thread:set("tid", counter)
end

function init(args)
  math.randomseed(os.time() * 1000 + (tid or 0))
end

request = function()
  local id = string.format("%04x%04x%04x%04x%04x%04x%04x%04x", math.random(0, 65535), math.random(0, 65535),
    math.random(0, 65535), math.random(0, 65535), math.random(0, 65535), math.random(0, 65535),
    math.random(0, 65535), math.random(0, 65535))
  return wrk.format("POST", "/api/consent", headers, string.format(template, id))
end
