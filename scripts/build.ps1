# Build the Windows desktop bundle: dist\Mailsource\Mailsource.exe (one folder).
# Sets up .venv like scripts\run.ps1 does, installs PyInstaller (the "build" extra), writes the
# third-party license list, compiles the translations, runs build_spec\mailsource.spec and
# prints the bundle's size.
#
#   powershell -ExecutionPolicy Bypass -File scripts\build.ps1
$ErrorActionPreference = "Stop"
$Root = Split-Path -Parent $PSScriptRoot
Set-Location $Root

$Python = Join-Path $Root ".venv\Scripts\python.exe"
if (-not (Test-Path $Python)) {
    $Base = if ($env:PYTHON) { $env:PYTHON } else { "python" }
    Write-Host "build: creating .venv with $Base"
    & $Base -m venv .venv
    if ($LASTEXITCODE -ne 0) { throw "could not create .venv (install Python 3.11+ from python.org)" }
}
Write-Host "build: installing the project and PyInstaller into .venv"
& $Python -m pip install --quiet --disable-pip-version-check -e ".[build]"
if ($LASTEXITCODE -ne 0) { throw "pip install failed" }

# Compile the translations (setup.sh does this on Linux and macOS).
$Lrelease = Join-Path $Root ".venv\Scripts\pyside6-lrelease.exe"
Get-ChildItem resources\translations\*.ts | ForEach-Object {
    $qm = [System.IO.Path]::ChangeExtension($_.FullName, ".qm")
    & $Lrelease -silent $_.FullName -qm $qm
    if ($LASTEXITCODE -ne 0) { throw "lrelease failed for $($_.Name)" }
}

$Watch = [System.Diagnostics.Stopwatch]::StartNew()
& $Python build_spec\collect_licenses.py | Out-Null
if ($LASTEXITCODE -ne 0) { throw "license check failed (run build_spec\collect_licenses.py)" }
& $Python -m PyInstaller --noconfirm --clean --log-level WARN `
    --distpath dist --workpath build\pyinstaller build_spec\mailsource.spec
if ($LASTEXITCODE -ne 0) { throw "PyInstaller failed" }
Write-Host ("build: built dist\Mailsource in {0:N0} s" -f $Watch.Elapsed.TotalSeconds)
$Bytes = (Get-ChildItem dist\Mailsource -Recurse -File | Measure-Object Length -Sum).Sum
Write-Host ("bundle size: {0:N0} MiB (dist\Mailsource)" -f ($Bytes / 1MB))
