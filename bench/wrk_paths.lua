-- wrk script: each request asks for a random one of the paths in the file named by the
-- environment variable WRK_PATHS (one path per line).
local paths = {}
for line in io.lines(os.getenv("WRK_PATHS")) do paths[#paths + 1] = line end
math.randomseed(42)
request = function()
  return wrk.format("GET", paths[math.random(#paths)])
end
