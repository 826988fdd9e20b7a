-- wrk: screening submissions (the engine runs, input and result are stored and audited).
local token = os.getenv("HAVEN_TOKEN")
local file = io.open(os.getenv("HAVEN_BODY_FILE"))
local body = file:read("*a")
file:close()
request = function()
  return wrk.format("POST", "/api/v1/screenings", {
    ["Authorization"] = "Bearer " .. token,
    ["Content-Type"] = "application/json",
  }, body)
end
