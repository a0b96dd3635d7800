-- Stores a day's trend analysis if what it was computed from is still current, in one step (TrendWorker).
-- KEYS: 1 corpus versions hash (day -> version), 2 thesaurus hash, 3 dirty zset, 4 analysis key, 5 live stream,
--       6 fence key of the worker's lease
-- ARGV: 1 day, 2 dirty member, 3 its score when read, 4 thesaurus version read, 5 fence token, 6 analysis JSON,
--       7 live stream approximate max length, 8 when the day's next lock passes (epoch millis, '' for none),
--       9 n, then n pairs (day, version read), then live entry field pairs
-- Returns 'FENCED' (the lease was taken over), 'STALE' (a version moved: nothing written, the mark stays),
-- 'STORED' (the mark removed) or 'STORED_DIRTY' (stored, but the day was marked again since: it stays marked).
if redis.call('GET', KEYS[6]) ~= ARGV[5] then
  return 'FENCED'
end
local n = tonumber(ARGV[9])
local expected = {}
for i = 0, n - 1 do
  expected[ARGV[10 + 2 * i]] = ARGV[11 + 2 * i]
end
local current = redis.call('HGETALL', KEYS[1])
local seen = {}
for i = 1, #current, 2 do
  local day = current[i]
  if day <= ARGV[1] then
    seen[day] = true
    if (expected[day] or '0') ~= current[i + 1] then
      return 'STALE'
    end
  end
end
for day, version in pairs(expected) do
  if version ~= '0' and not seen[day] then
    return 'STALE'
  end
end
if (redis.call('HGET', KEYS[2], 'version') or '0') ~= ARGV[4] then
  return 'STALE'
end
redis.call('SET', KEYS[4], ARGV[6])
local fields = {}
for i = 10 + 2 * n, #ARGV do
  fields[#fields + 1] = ARGV[i]
end
redis.call('XADD', KEYS[5], 'MAXLEN', '~', ARGV[7], '*', unpack(fields))
local score = redis.call('ZSCORE', KEYS[3], ARGV[2])
local result = 'STORED'
if score and tonumber(score) == tonumber(ARGV[3]) then
  redis.call('ZREM', KEYS[3], ARGV[2])
elseif score then
  result = 'STORED_DIRTY'
end
-- Due again when the next lock passes, unless it is due sooner already.
if ARGV[8] ~= '' then
  redis.call('ZADD', KEYS[3], 'LT', ARGV[8], ARGV[2])
end
return result
