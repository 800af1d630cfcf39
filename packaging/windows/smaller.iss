; Inno Setup 6.3+ script: dist\Smaller\ (PyInstaller, packaging\smaller.spec) -> dist\Smaller-<version>-setup.exe
;
; Build on Windows, from the repository root, after PyInstaller (see packaging\README.md):
;   iscc /DAppVersion=0.1.0 packaging\windows\smaller.iss
; Signing (Authenticode): sign dist\Smaller\Smaller.exe and smaller-cli.exe with signtool first;
; to sign the installer and uninstaller as well, define a sign tool named "signtool" and pass it:
;   iscc "/Ssigntool=signtool.exe sign /fd SHA256 /tr http://timestamp.digicert.com /td SHA256 /f cert.pfx /p PASSWORD $f" /DSignTool=signtool /DAppVersion=0.1.0 packaging\windows\smaller.iss
; Silent install for a smoke test: Smaller-<version>-setup.exe /VERYSILENT /SUPPRESSMSGBOXES /CURRENTUSER

#ifndef AppVersion
  #error Pass the version: iscc /DAppVersion=X.Y.Z smaller.iss (it is in pyproject.toml)
#endif

[Setup]
; The AppId identifies the product to Windows' uninstaller: never change it between releases.
AppId={{4D9F5078-6F5F-4AEE-96D6-393EA46CBB9A}
AppName=Smaller
AppVersion={#AppVersion}
AppVerName=Smaller {#AppVersion}
AppPublisher=The Smaller authors
VersionInfoVersion={#AppVersion}
; Paths are relative to this script's folder (packaging\windows).
SourceDir=..\..
OutputDir=dist
OutputBaseFilename=Smaller-{#AppVersion}-setup
SetupIconFile=build\icons\smaller.ico
UninstallDisplayIcon={app}\Smaller.exe
; Per-user install by default (no administrator prompt); the dialog offers all users.
PrivilegesRequired=lowest
PrivilegesRequiredOverridesAllowed=dialog
DefaultDirName={autopf}\Smaller
DisableProgramGroupPage=yes
; 64-bit only: the gpt4all and Qt wheels are x64.
ArchitecturesAllowed=x64compatible
ArchitecturesInstallIn64BitMode=x64compatible
; The model (~98 MB) barely compresses; lzma2 still shrinks the rest well.
Compression=lzma2/max
SolidCompression=yes
WizardStyle=modern
#ifdef SignTool
SignTool={#SignTool}
SignedUninstaller=yes
#endif

[Languages]
Name: "en"; MessagesFile: "compiler:Default.isl"
Name: "fr"; MessagesFile: "compiler:Languages\French.isl"

[Tasks]
Name: "desktopicon"; Description: "{cm:CreateDesktopIcon}"; GroupDescription: "{cm:AdditionalIcons}"; Flags: unchecked

[Files]
; The whole PyInstaller folder: Smaller.exe (window), smaller-cli.exe (command line), _internal\.
Source: "dist\Smaller\*"; DestDir: "{app}"; Flags: ignoreversion recursesubdirs createallsubdirs

[Icons]
Name: "{autoprograms}\Smaller"; Filename: "{app}\Smaller.exe"; Comment: "A private assistant that runs on this computer"
Name: "{autodesktop}\Smaller"; Filename: "{app}\Smaller.exe"; Tasks: desktopicon

[Run]
Filename: "{app}\Smaller.exe"; Description: "{cm:LaunchProgram,Smaller}"; Flags: nowait postinstall skipifsilent

; Chats and settings (%APPDATA%\Smaller, %LOCALAPPDATA%\Smaller) are the user's: the uninstaller
; leaves them, as Windows users expect.
