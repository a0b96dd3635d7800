-- One atomic step of a service: preconditions, then state writes and outbox appends.
-- ARGV[1] = number of operations; then per operation: opcode, key index (into KEYS), argc, args...
-- Checks run before any write, so a failed precondition writes nothing. Every key is in KEYS.
-- Answers { status, failed operation (0 when none), aggregate version of each emitted event... }.
local ops = {}
local i = 2
for n = 1, tonumber(ARGV[1]) do
  local op = ARGV[i]
  local key = KEYS[tonumber(ARGV[i + 1])]
  local argc = tonumber(ARGV[i + 2])
  local args = {}
  for a = 1, argc do
    args[a] = ARGV[i + 2 + a]
  end
  i = i + 3 + argc
  ops[n] = { op, key, args }
end

for n, o in ipairs(ops) do
  local op, key, args = o[1], o[2], o[3]
  if op == 'POSITION' then
    -- A consumer's position in a partition (a hash: partition -> last offset handled; '*' for partitions
    -- without a field, -1 after a rebuild). args: partition, offset, floor ('' when none).
    -- A rebuild of the handler's view is dropping its keys: wait (the caller retries), apply nothing meanwhile.
    if redis.call('HEXISTS', key, 'rebuilding') == 1 then return { 'REBUILDING', n } end
    local stored = redis.call('HGET', key, args[1]) or redis.call('HGET', key, '*')
    local position = tonumber(stored or '-1')
    -- Below what this consumer wrote itself: Redis lost writes (its last second, a rebuild): re-read from there.
    if args[3] ~= '' and position < tonumber(args[3]) then return { 'REWOUND', n, position } end
    if position >= tonumber(args[2]) then return { 'DUPLICATE', n } end
  elseif op == 'SEEN' then
    if redis.call('EXISTS', key) == 1 then return { 'DUPLICATE', n } end
  elseif op == 'NEWER' then
    -- A copy's version of a subject (a hash: subject -> version); args: subject, version.
    local held = tonumber(redis.call('HGET', key, args[1]) or '0')
    if held >= tonumber(args[2]) then return { 'OLDER', n, held } end
  elseif op == 'ONCE' then
    if redis.call('EXISTS', key) == 1 then return { 'DUPLICATE', n } end
  elseif op == 'ABSENT' then
    if redis.call('EXISTS', key) == 1 then return { 'CONFLICT', n } end
  elseif op == 'PRESENT' then
    if redis.call('EXISTS', key) == 0 then return { 'MISSING', n } end
  elseif op == 'EQUALS' then
    local current = redis.call('HGET', key, args[1])
    if current ~= args[2] then return { 'STALE', n } end
  elseif op == 'ONE_OF' then
    local current = redis.call('HGET', key, args[1])
    local found = false
    for a = 2, #args do
      if current == args[a] then found = true end
    end
    if not found then return { 'STALE', n } end
  elseif op == 'BELOW' then
    local current = tonumber(redis.call('HGET', key, args[1]) or '0')
    if current >= tonumber(args[2]) then return { 'FULL', n } end
  elseif op == 'RANKED' then
    if not redis.call('ZSCORE', key, args[1]) then return { 'STALE', n } end
  elseif op == 'UNRANKED' then
    if redis.call('ZSCORE', key, args[1]) then return { 'STALE', n } end
  elseif op == 'ZCARD_BELOW' then
    if redis.call('ZCARD', key) >= tonumber(args[1]) then return { 'FULL', n } end
  elseif op == 'FENCE' then
    -- The lease's fencing counter still holds this holder's token: nobody was given the work since.
    if redis.call('GET', key) ~= args[1] then return { 'FENCED', n } end
  end
end

local answer = { 'OK', 0 }
for _, o in ipairs(ops) do
  local op, key, args = o[1], o[2], o[3]
  if op == 'ONCE' then
    redis.call('SET', key, '1', 'EX', args[1])
  elseif op == 'POSITION' then
    redis.call('HSET', key, args[1], args[2])
  elseif op == 'NEWER' then
    redis.call('HSET', key, args[1], args[2])
  elseif op == 'SET' then
    redis.call('SET', key, args[1])
  elseif op == 'HSET' then
    redis.call('HSET', key, unpack(args))
  elseif op == 'HINCRBY' then
    redis.call('HINCRBY', key, args[1], args[2])
  elseif op == 'SADD' then
    redis.call('SADD', key, unpack(args))
  elseif op == 'SREM' then
    redis.call('SREM', key, unpack(args))
  elseif op == 'HDEL' then
    redis.call('HDEL', key, unpack(args))
  elseif op == 'EXPIRE' then
    redis.call('EXPIRE', key, args[1])
  elseif op == 'ZADD' then
    redis.call('ZADD', key, args[1], args[2])
  elseif op == 'ZREM' then
    redis.call('ZREM', key, args[1])
  elseif op == 'DEL' then
    redis.call('DEL', key)
  elseif op == 'XDEL' then
    redis.call('XDEL', key, unpack(args))
  elseif op == 'XADD' then
    -- args: approximate maximum length, then the entry's fields and values.
    redis.call('XADD', key, 'MAXLEN', '~', args[1], '*', unpack(args, 2))
  elseif op == 'EMIT' then
    -- args: index of the versions hash in KEYS, subject, envelope JSON, then the entry's other fields.
    -- The subject's next version, in the step that commits the change: versions follow the commit order.
    local version = redis.call('HINCRBY', KEYS[tonumber(args[1])], args[2], 1)
    -- The envelope is a JSON object: the version becomes its last attribute.
    local event = string.sub(args[3], 1, -2) .. ',"aggregateversion":' .. version .. '}'
    local fields = { 'event', event, 'version', tostring(version) }
    for a = 4, #args do
      fields[#fields + 1] = args[a]
    end
    redis.call('XADD', key, '*', unpack(fields))
    answer[#answer + 1] = version
  elseif op == 'RAW' then
    -- A record that already exists as bytes (a dead letter's replay): appended as given, no new version.
    redis.call('XADD', key, '*', unpack(args))
  end
end
return answer
