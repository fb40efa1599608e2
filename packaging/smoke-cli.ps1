# Smoke test of the packaged console launcher mtls-lab.exe on Windows: the PowerShell twin of
# smoke-cli.sh (same checks, same order):
#   1. `--version` names this checkout's version;
#   2. a CA + server + client set (EC keys) is issued into -Workspace;
#   3. the launcher's echo server, on 127.0.0.1 and a free port, answers an mTLS `call` made by the
#      same launcher, naming the client certificate it verified.
# Usage: pwsh packaging/smoke-cli.ps1 -Launcher 'C:\Program Files\mTLS Lab\mtls-lab.exe' -Workspace C:\temp\ws
param(
    [Parameter(Mandatory = $true)][string]$Launcher,
    [Parameter(Mandatory = $true)][string]$Workspace
)
$ErrorActionPreference = 'Stop'
Set-StrictMode -Version Latest
$repo = Split-Path -Parent $PSScriptRoot

function Fail([string]$message) {
    [Console]::Error.WriteLine("FAIL: $message")
    exit 1
}
function Step([string]$message) { Write-Output "== $message" }

Step "$Launcher --version"
$ns = @{ m = 'http://maven.apache.org/POM/4.0.0' }
$version = (Select-Xml -Path (Join-Path $repo 'pom.xml') -Namespace $ns -XPath '/m:project/m:version').Node.InnerText
$said = ((& $Launcher --version 2>$null) -join "`n").Trim()
if ($LASTEXITCODE -ne 0) { Fail "$Launcher --version exited with status $LASTEXITCODE" }
if ($said -ne "mtls-lab $version") { Fail "$Launcher --version says '$said', expected 'mtls-lab $version'" }

Step "$Launcher ca create, server issue, client issue into $Workspace"
foreach ($role in @('ca create', 'server issue', 'client issue')) {
    $words = $role.Split(' ')
    & $Launcher $words[0] $words[1] --dir $Workspace --key ec-p256
    if ($LASTEXITCODE -ne 0) { Fail "mtls-lab $role exited with status $LASTEXITCODE" }
}
foreach ($file in @('ca.pem', 'ca.key', 'server.pem', 'server.key', 'client.pem', 'client.key')) {
    $path = Join-Path $Workspace $file
    if (-not (Test-Path $path) -or (Get-Item $path).Length -eq 0) { Fail "the issue commands left no $file in $Workspace" }
}

Step "$Launcher serve on 127.0.0.1 answers $Launcher call"
$out = Join-Path ([IO.Path]::GetTempPath()) ("mtlslab-smoke-" + [Guid]::NewGuid())
New-Item -ItemType Directory -Path $out | Out-Null
$serveLog = Join-Path $out 'serve.log'
$server = Start-Process -FilePath $Launcher -NoNewWindow -PassThru `
    -ArgumentList @('serve', '--dir', "`"$Workspace`"", '--bind', '127.0.0.1', '--port', '0') `
    -RedirectStandardOutput $serveLog -RedirectStandardError (Join-Path $out 'serve.err')
try {
    $port = $null
    for ($i = 0; $i -lt 90 -and -not $port; $i++) {
        Start-Sleep -Seconds 1
        if (Test-Path $serveLog) {
            $match = Select-String -Path $serveLog -Pattern 'listening on https://[^/ ]+:(\d+)' | Select-Object -First 1
            if ($match) { $port = $match.Matches[0].Groups[1].Value }
        }
        if ($server.HasExited) { break }
    }
    if (-not $port) {
        Get-Content $serveLog, (Join-Path $out 'serve.err') -ErrorAction SilentlyContinue | ForEach-Object { [Console]::Error.WriteLine("  serve: $_") }
        Fail 'the echo server did not start'
    }
    $call = (& $Launcher call --dir $Workspace -H 'Accept: text/plain' "https://127.0.0.1:$port/" 2>&1) -join "`n"
    $status = $LASTEXITCODE
    if ($status -ne 0) { [Console]::Error.WriteLine($call); Fail "$Launcher call exited with status $status" }
    if ($call -notmatch '(?m)^== Response: 200') { [Console]::Error.WriteLine($call); Fail 'the call got no 200 answer' }
    if ($call -notmatch 'server chain \(trusted\)') { [Console]::Error.WriteLine($call); Fail 'the call did not trust the server' }
    if ($call -notmatch 'Common Name: Cliente') { [Console]::Error.WriteLine($call); Fail 'the echo answer does not name the client certificate' }
    # the image must carry netty-tcnative's native library for this OS, and it must load
    $load = (& $Launcher load --dir $Workspace -n 20 -c 2 "https://127.0.0.1:$port/" 2>&1) -join "`n"
    if ($LASTEXITCODE -ne 0) { [Console]::Error.WriteLine($load); Fail "$Launcher load exited with status $LASTEXITCODE" }
    if ($load -notmatch 'client TLS .*BoringSSL') { [Console]::Error.WriteLine($load); Fail 'the packaged load client did not run on BoringSSL' }
}
finally {
    if (-not $server.HasExited) { Stop-Process -Id $server.Id -Force }
    Remove-Item -Recurse -Force $out -ErrorAction SilentlyContinue
}
Write-Output "console launcher smoke test passed ($Launcher)"
