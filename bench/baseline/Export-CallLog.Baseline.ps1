# The loop an admin writes instead of using the module: follow navigation.nextPage, emit records.
# The benchmark's baseline. Keep the loop exactly as it is: nothing added.
param([string] $uri, [string] $token)
while ($uri) { $p = Invoke-RestMethod $uri -Headers @{ Authorization = "Bearer $token" }; $p.records; $uri = $p.navigation.nextPage.uri }
