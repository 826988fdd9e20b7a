-- wrk: authenticated reads of screening records (pseudonymous fields only), cycling through ids.
local ids = {}
local token = os.getenv("HAVEN_TOKEN")
for line in io.lines(os.getenv("HAVEN_IDS_FILE")) do ids[#ids + 1] = line end
local i = 0
request = function()
  i = i % #ids + 1
  return wrk.format("GET", "/api/v1/screenings/" .. ids[i], { ["Authorization"] = "Bearer " .. token })
end
