# How the baseline admin gets a bearer token: the JWT grant at the token endpoint.
param([string] $Server, [string] $ClientId, [string] $ClientSecret, [string] $Jwt)
$basic = [Convert]::ToBase64String([Text.Encoding]::UTF8.GetBytes("${ClientId}:${ClientSecret}"))
(Invoke-RestMethod -Method Post -Uri "$Server/restapi/oauth/token" -Headers @{ Authorization = "Basic $basic" } -Body @{
        grant_type = 'urn:ietf:params:oauth:grant-type:jwt-bearer'
        assertion  = $Jwt
    }).access_token
