import { Global, Module } from '@nestjs/common';
import { SESSION_AUTHENTICATOR } from './authenticated-user';
import { RemoteSessionAuthenticator } from './remote-session.authenticator';
import { SessionGuard } from './session.guard';

/**
 * Binds SESSION_AUTHENTICATOR to the identity service over HTTP, for a service running in a
 * process of its own (add it to a definition's `standaloneModules`). In the one-process
 * portal IdentityModule binds it instead.
 */
@Global()
@Module({
  providers: [
    RemoteSessionAuthenticator,
    { provide: SESSION_AUTHENTICATOR, useExisting: RemoteSessionAuthenticator },
    SessionGuard,
  ],
  exports: [SESSION_AUTHENTICATOR, SessionGuard],
})
export class RemoteSessionModule {}
