-- Leases with fencing: one holder at a time for some work, and a token that grows with every new holder.
-- KEYS[1] = the lease (string "<token> <holder>", expiring after the lease time)
-- KEYS[2] = the fencing counter (never expires: a token is never handed out twice)
-- ARGV[1] = ACQUIRE | RENEW | RELEASE, ARGV[2] = lease time in ms, ARGV[3] = holder (ACQUIRE) or the lease's value,
-- ARGV[4] = the holder's token (RENEW)
local mode = ARGV[1]
if mode == 'ACQUIRE' then
  if redis.call('EXISTS', KEYS[1]) == 1 then
    return 0
  end
  local token = redis.call('INCR', KEYS[2])
  redis.call('SET', KEYS[1], token .. ' ' .. ARGV[3], 'PX', ARGV[2])
  return token
elseif mode == 'RENEW' then
  local current = redis.call('GET', KEYS[1])
  if current == ARGV[3] then
    redis.call('PEXPIRE', KEYS[1], ARGV[2])
    return 1
  end
  -- Lapsed while nobody took it (the token is still the latest): the holder may go on.
  if not current and redis.call('GET', KEYS[2]) == ARGV[4] then
    redis.call('SET', KEYS[1], ARGV[3], 'PX', ARGV[2])
    return 1
  end
  return 0
elseif mode == 'RELEASE' then
  if redis.call('GET', KEYS[1]) == ARGV[3] then
    redis.call('DEL', KEYS[1])
    return 1
  end
  return 0
end
return redis.error_reply('unknown lease operation ' .. tostring(mode))
