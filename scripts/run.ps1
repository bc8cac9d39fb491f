# Set up Mailsource on Windows and start it:   .\scripts\run.ps1 --demo
# Creates .venv (Python 3.11 or newer), installs the project when pyproject.toml changed since the
# last install, compiles the translations (.ts -> .qm) and runs `mailsource` with the arguments.
# If scripts are blocked: powershell -ExecutionPolicy Bypass -File .\scripts\run.ps1 --demo
$ErrorActionPreference = "Stop"

$Root = Split-Path -Parent $PSScriptRoot
Set-Location $Root
$Venv = Join-Path $Root ".venv"
$VenvPython = Join-Path $Venv "Scripts\python.exe"
$Stamp = Join-Path $Venv ".mailsource-installed"

function Test-Python([string[]]$Command) {
    try {
        $exe = $Command[0]
        $rest = @($Command | Select-Object -Skip 1)
        & $exe @rest -c "import sys, venv; sys.exit(sys.version_info < (3, 11))" 2>$null | Out-Null
        return $LASTEXITCODE -eq 0
    } catch {
        return $false
    }
}

if (-not (Test-Path $VenvPython)) {
    $candidates = @()
    if ($env:PYTHON) { $candidates += , @($env:PYTHON) }
    $candidates += , @("py", "-3.13")
    $candidates += , @("py", "-3.12")
    $candidates += , @("py", "-3.11")
    $candidates += , @("python")
    $found = $null
    foreach ($c in $candidates) {
        if (Test-Python $c) { $found = $c; break }
    }
    if (-not $found) {
        Write-Error ("Mailsource needs Python 3.11 or newer. Install it from python.org or with " +
            "'winget install Python.Python.3.12', then run this again.")
        exit 1
    }
    Write-Host "setup: creating $Venv with $($found -join ' ')"
    $exe = $found[0]
    $rest = @($found | Select-Object -Skip 1)
    & $exe @rest -m venv $Venv
    if ($LASTEXITCODE -ne 0) { exit $LASTEXITCODE }
}

$hash = (Get-FileHash -Algorithm SHA256 (Join-Path $Root "pyproject.toml")).Hash.ToLower()
$have = if (Test-Path $Stamp) { (Get-Content $Stamp -Raw).Trim() } else { "" }
if ($have -ne "$hash app" -and $have -ne "$hash test") {
    Write-Host "setup: installing the project into $Venv"
    & $VenvPython -m pip install --quiet --disable-pip-version-check -e .
    if ($LASTEXITCODE -ne 0) { exit $LASTEXITCODE }
    Set-Content -Path $Stamp -Value "$hash app" -NoNewline
}

$lrelease = Join-Path $Venv "Scripts\pyside6-lrelease.exe"
Get-ChildItem -Path (Join-Path $Root "resources\translations") -Filter *.ts -ErrorAction SilentlyContinue |
    ForEach-Object {
        $qm = [System.IO.Path]::ChangeExtension($_.FullName, ".qm")
        if (-not (Test-Path $qm) -or (Get-Item $qm).LastWriteTime -lt $_.LastWriteTime) {
            & $lrelease -silent $_.FullName -qm $qm
            if ($LASTEXITCODE -ne 0) { exit $LASTEXITCODE }
        }
    }

& (Join-Path $Venv "Scripts\mailsource.exe") @args
exit $LASTEXITCODE
