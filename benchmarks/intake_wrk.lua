-- wrk script for benchmarks/intake_wrk.py: POST /api/v1/meldingen with pre-generated bodies.
--
-- Environment (set by intake_wrk.py):
--   INTAKE_WRK_BODIES   file with one melding per line: token TAB bsn TAB key TAB json body
--   INTAKE_WRK_THREADS  number of wrk threads (thread i takes lines i, i+n, i+2n, ...)
--   INTAKE_WRK_RETRY    fraction of requests that re-send an answered body with its key
--   INTAKE_WRK_OUT      file for the per-request log that intake_wrk.py checks
-- done() prints one JSON line with wrk's latency percentiles, requests and statuses.

local threads = {}
local teller = 0

function setup(thread)
  thread:set("id", teller)
  teller = teller + 1
  table.insert(threads, thread)
end

function init(args)
  local n = tonumber(os.getenv("INTAKE_WRK_THREADS"))
  retry_kans = tonumber(os.getenv("INTAKE_WRK_RETRY"))
  math.randomseed(2026 + id)
  verzoeken, bsn_van, index_van = {}, {}, {}
  local regel_nr = 0
  for regel in io.lines(os.getenv("INTAKE_WRK_BODIES")) do
    if regel_nr % n == id then
      local tok, bsn, key, body = regel:match("^([^\t]+)\t([^\t]+)\t([^\t]+)\t(.+)$")
      local headers = {
        ["Authorization"] = "Bearer " .. tok,
        ["Idempotency-Key"] = key,
        ["Content-Type"] = "application/json",
      }
      verzoeken[#verzoeken + 1] = wrk.format("POST", "/api/v1/meldingen", headers, body)
      bsn_van[#verzoeken] = bsn
      index_van[bsn] = #verzoeken
    end
    regel_nr = regel_nr + 1
  end
  volgende = 0
  beantwoord = {} -- indexes whose first send was answered: candidates for a retry
  gezien = {}
  log = {} -- "S bsn" per first send, "R bsn" per retry, "A status bsn uuid" per answer
  statussen = {}
end

function request()
  if #beantwoord > 0 and math.random() < retry_kans then
    local i = table.remove(beantwoord, math.random(#beantwoord))
    log[#log + 1] = "R\t" .. bsn_van[i]
    return verzoeken[i]
  end
  volgende = volgende + 1
  if volgende > #verzoeken then
    error("intake_wrk.lua: no unused bodies left; generate more")
  end
  log[#log + 1] = "S\t" .. bsn_van[volgende]
  return verzoeken[volgende]
end

function response(status, headers, body)
  statussen[status] = (statussen[status] or 0) + 1
  local bsn = body:match('"burgerservicenummer"%s*:%s*"(%d+)"') or ""
  local uuid = body:match('"uuid"%s*:%s*"([%x%-]+)"') or ""
  log[#log + 1] = "A\t" .. status .. "\t" .. bsn .. "\t" .. uuid
  local i = index_van[bsn]
  if i and status == 201 and not gezien[i] then
    gezien[i] = true
    beantwoord[#beantwoord + 1] = i
  end
end

function done(summary, latency, requests)
  local statussen_totaal = {}
  local uit = assert(io.open(os.getenv("INTAKE_WRK_OUT"), "w"))
  for _, thread in ipairs(threads) do
    for status, aantal in pairs(thread:get("statussen")) do
      statussen_totaal[status] = (statussen_totaal[status] or 0) + aantal
    end
    for _, regel in ipairs(thread:get("log")) do
      uit:write(regel, "\n")
    end
  end
  uit:close()
  local delen = {}
  for status, aantal in pairs(statussen_totaal) do
    delen[#delen + 1] = string.format('"%d": %d', status, aantal)
  end
  local e = summary.errors
  io.write(string.format(
    '{"duration_us": %d, "requests": %d, "p50_us": %d, "p90_us": %d, "p99_us": %d, '
      .. '"max_us": %d, "mean_us": %.0f, "statuses": {%s}, "errors": {"connect": %d, '
      .. '"read": %d, "write": %d, "status": %d, "timeout": %d}}\n',
    summary.duration, summary.requests, latency:percentile(50), latency:percentile(90),
    latency:percentile(99), latency.max, latency.mean, table.concat(delen, ", "),
    e.connect, e.read, e.write, e.status, e.timeout
  ))
end
