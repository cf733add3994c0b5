-- GrantHub: database and least-privilege login, run by the `db-init` service of
-- deploy/docker-compose.yml with sqlcmd as `sa`. Idempotent: safe to run on every `up`.
-- sqlcmd variables (passed with -v): DbName, AppUser, AppPassword.
-- The application never connects as `sa`; its login owns only the GrantHub database
-- (db_owner is needed because EF Core migrations and Hangfire create their own schema).
:on error exit
SET NOCOUNT ON;

IF DB_ID(N'$(DbName)') IS NULL
    EXEC (N'CREATE DATABASE [$(DbName)]');
GO

-- FULL recovery so that transaction-log backups (point-in-time restore) are possible.
-- Consequence: the log grows until it is backed up; schedule log backups (deploy/README.md).
ALTER DATABASE [$(DbName)] SET RECOVERY FULL;
GO

IF SUSER_ID(N'$(AppUser)') IS NULL
    CREATE LOGIN [$(AppUser)]
        WITH PASSWORD = N'$(AppPassword)',
             DEFAULT_DATABASE = [$(DbName)],
             CHECK_POLICY = ON,
             CHECK_EXPIRATION = OFF;
ELSE
    -- keeps the login in step with GRANTHUB_DB_PASSWORD in .env (password rotation)
    ALTER LOGIN [$(AppUser)] WITH PASSWORD = N'$(AppPassword)';
GO

USE [$(DbName)];
GO

IF USER_ID(N'$(AppUser)') IS NULL
    CREATE USER [$(AppUser)] FOR LOGIN [$(AppUser)];
ELSE
    -- after restoring a backup on another server the user is orphaned (login SID differs):
    -- re-map it to this server's login
    ALTER USER [$(AppUser)] WITH LOGIN = [$(AppUser)];
ALTER ROLE db_owner ADD MEMBER [$(AppUser)];
GO

PRINT N'GrantHub database $(DbName) and login $(AppUser) are ready.';
GO
