import { UserActivityRecorder } from './activity/user-activity.recorder';
import { Global, Module } from '@nestjs/common';
import { HttpConventionsModule, SESSION_AUTHENTICATOR, SessionGuard } from '@portal/platform';
import { CredentialsStore } from './accounts/credentials.store';
import { MeHttp } from './me/me.http';
import { PasswordHasher } from './passwords/password-hasher';
import { IdentitySessionAuthenticator } from './sessions/identity-session-authenticator';
import { LoginCsrfGuard } from './sessions/login-csrf.guard';
import { SessionsStore } from './sessions/sessions.store';
import { SignInHttp } from './sign-in/sign-in.http';
import { SignInHandler } from './sign-in/sign-in.handler';
import { SignOutEverywhereHttp } from './sign-out-everywhere/sign-out-everywhere.http';
import { SignOutHttp } from './sign-out/sign-out.http';
import { SignUpHandler } from './sign-up/sign-up.handler';
import { SignUpHttp } from './sign-up/sign-up.http';
import { SignInThrottle } from './throttling/sign-in-throttle';

/**
 * The identity service: partner accounts and sessions, under /api/v1/auth. Global, so that
 * every module of the same process can guard its routes with SessionGuard (bound here to
 * SESSION_AUTHENTICATOR) and read the user with @CurrentUser().
 */
@Global()
@Module({
  imports: [HttpConventionsModule],
  controllers: [SignUpHttp, SignInHttp, SignOutHttp, SignOutEverywhereHttp, MeHttp],
  providers: [
    PasswordHasher,
    CredentialsStore,
    SessionsStore,
    UserActivityRecorder,
    SignUpHandler,
    SignInHandler,
    SignInThrottle,
    LoginCsrfGuard,
    SessionGuard,
    IdentitySessionAuthenticator,
    { provide: SESSION_AUTHENTICATOR, useExisting: IdentitySessionAuthenticator },
  ],
  exports: [SESSION_AUTHENTICATOR, SessionGuard],
})
export class IdentityModule {}
