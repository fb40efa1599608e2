# Install/uninstall test of the .msi on a Windows CI runner (GitHub Actions, see
# .github/workflows/installers.yml; needs an administrator, as hosted runners are):
#   1. `msiexec /i` installs it silently to C:\Program Files\mTLS Lab;
#   2. the installed console launcher mtls-lab.exe passes smoke-cli.ps1 (--version, an issued set,
#      serve + call on 127.0.0.1), with its workspace in a throw-away folder;
#   3. `msiexec /x` removes the install folder and leaves that workspace as it was.
# Usage: pwsh packaging/smoke-test-windows.ps1 [path\to\mTLS Lab-*.msi]
param([string]$Msi)
$ErrorActionPreference = 'Stop'
Set-StrictMode -Version Latest
Set-Location (Split-Path -Parent $PSScriptRoot)

function Fail([string]$message) {
    [Console]::Error.WriteLine("FAIL: $message")
    exit 1
}
function Invoke-Msiexec([string[]]$arguments, [string]$log) {
    $p = Start-Process -FilePath msiexec.exe -Wait -PassThru -ArgumentList ($arguments + @('/qn', '/norestart', '/l*v', "`"$log`""))
    if ($p.ExitCode -ne 0) {
        Get-Content $log -Tail 60 -ErrorAction SilentlyContinue | ForEach-Object { [Console]::Error.WriteLine("  msi: $_") }
        Fail "msiexec $($arguments[0]) exited with status $($p.ExitCode)"
    }
}

if (-not $Msi) { $Msi = (Get-ChildItem target/installer/*.msi | Select-Object -First 1).FullName }
if (-not $Msi -or -not (Test-Path $Msi)) { Fail 'no .msi (build one: bash packaging/build.sh installer)' }
$work = Join-Path ([IO.Path]::GetTempPath()) ("mtlslab-msi-" + [Guid]::NewGuid())
New-Item -ItemType Directory -Path $work | Out-Null
$installDir = Join-Path $env:ProgramFiles 'mTLS Lab'
$cli = Join-Path $installDir 'mtls-lab.exe'

Write-Output "== msiexec /i $Msi"
Invoke-Msiexec @('/i', "`"$Msi`"") (Join-Path $work 'install.log')
if (-not (Test-Path $cli)) { Fail "no $cli after installing" }

$ws = Join-Path $work 'ws'
& pwsh -NoProfile -File packaging/smoke-cli.ps1 -Launcher $cli -Workspace $ws
if ($LASTEXITCODE -ne 0) { Fail 'the console launcher smoke test failed' }
$before = Get-ChildItem -Recurse -File $ws | Get-FileHash | ForEach-Object { "$($_.Hash) $($_.Path)" }

Write-Output "== msiexec /x $Msi"
Invoke-Msiexec @('/x', "`"$Msi`"") (Join-Path $work 'uninstall.log')
if (Test-Path $installDir) { Fail "$installDir is still there after uninstalling" }
$after = Get-ChildItem -Recurse -File $ws | Get-FileHash | ForEach-Object { "$($_.Hash) $($_.Path)" }
if (Compare-Object $before $after) { Fail 'the workspace changed on uninstall' }
Write-Output 'msi smoke test passed: installed, ran, uninstalled cleanly'
