import {
  AdminAddUserToGroupCommand,
  AdminCreateUserCommand,
  type AdminCreateUserCommandOutput,
  AdminDeleteUserCommand,
  AdminDisableUserCommand,
  AdminEnableUserCommand,
  AdminGetUserCommand,
  AdminListGroupsForUserCommand,
  AdminRemoveUserFromGroupCommand,
  AdminUserGlobalSignOutCommand,
  type CognitoIdentityProviderClient,
  UserNotFoundException,
  UsernameExistsException,
} from '@aws-sdk/client-cognito-identity-provider';
import { type Role, roles } from '../../../platform/auth/principal.js';
import type { Directory } from '../ports.js';
import { DirectoryAccountNotFound, DirectoryConflict } from './directory.js';

/**
 * The directory on AWS: a Cognito user pool whose groups are Kura's roles
 * (customer, staff, admin). Cognito mails invitations itself.
 */
export function createCognitoDirectory(options: {
  client: CognitoIdentityProviderClient;
  userPoolId: string;
  /** End the account's sessions (refresh tokens) when it is disabled. Off only where the API lacks it. */
  signOutOnDisable?: boolean;
}): Directory {
  const { client, userPoolId } = options;
  const UserPoolId = userPoolId;
  const signOutOnDisable = options.signOutOnDisable ?? true;

  /** The pool's own username for an email: with email as the username attribute it is not the email itself. */
  async function usernameOf(email: string): Promise<string> {
    const user = await client.send(new AdminGetUserCommand({ UserPoolId, Username: email }));
    if (!user.Username) throw new Error('Cognito returned a user without a username');
    return user.Username;
  }

  async function groupsOf(username: string): Promise<Role[]> {
    const result = await client.send(new AdminListGroupsForUserCommand({ UserPoolId, Username: username }));
    return (result.Groups ?? [])
      .map((g) => g.GroupName)
      .filter((name): name is Role => (roles as readonly string[]).includes(name ?? ''));
  }

  async function notFoundAsTyped<T>(email: string, call: () => Promise<T>): Promise<T> {
    try {
      return await call();
    } catch (err) {
      if (err instanceof UserNotFoundException) throw new DirectoryAccountNotFound(`No directory account for ${email}`);
      throw err;
    }
  }

  return {
    async invite({ email, displayName, role }) {
      let created: AdminCreateUserCommandOutput;
      try {
        created = await client.send(
          new AdminCreateUserCommand({
            UserPoolId,
            Username: email,
            UserAttributes: [
              { Name: 'email', Value: email },
              { Name: 'email_verified', Value: 'true' },
              ...(displayName ? [{ Name: 'name', Value: displayName }] : []),
            ],
            DesiredDeliveryMediums: ['EMAIL'],
          }),
        );
      } catch (err) {
        if (err instanceof UsernameExistsException) throw new DirectoryConflict(`${email} already has an account`);
        throw err;
      }
      const username = created.User?.Username ?? (await usernameOf(email));
      await client.send(new AdminAddUserToGroupCommand({ UserPoolId, Username: username, GroupName: role }));
      const subject = created.User?.Attributes?.find((a) => a.Name === 'sub')?.Value;
      if (!subject) throw new Error('Cognito created a user without a sub');
      return { subject, temporaryPassword: undefined };
    },

    async find(email) {
      try {
        const user = await client.send(new AdminGetUserCommand({ UserPoolId, Username: email }));
        const attribute = (name: string) => user.UserAttributes?.find((a) => a.Name === name)?.Value;
        const groups = await groupsOf(user.Username ?? email);
        return {
          subject: attribute('sub') ?? '',
          email: attribute('email') ?? email,
          enabled: user.Enabled ?? false,
          role: groups.includes('admin') ? 'admin' : groups.includes('staff') ? 'staff' : 'customer',
        };
      } catch (err) {
        if (err instanceof UserNotFoundException) return undefined;
        throw err;
      }
    },

    async setRole(email, role) {
      await notFoundAsTyped(email, async () => {
        const username = await usernameOf(email);
        for (const group of await groupsOf(username)) {
          if (group !== role) {
            await client.send(
              new AdminRemoveUserFromGroupCommand({ UserPoolId, Username: username, GroupName: group }),
            );
          }
        }
        await client.send(new AdminAddUserToGroupCommand({ UserPoolId, Username: username, GroupName: role }));
      });
    },

    async setEnabled(email, enabled) {
      await notFoundAsTyped(email, async () => {
        if (enabled) {
          await client.send(new AdminEnableUserCommand({ UserPoolId, Username: email }));
        } else {
          await client.send(new AdminDisableUserCommand({ UserPoolId, Username: email }));
          if (signOutOnDisable) await client.send(new AdminUserGlobalSignOutCommand({ UserPoolId, Username: email }));
        }
      });
    },

    async remove(email) {
      await notFoundAsTyped(email, () => client.send(new AdminDeleteUserCommand({ UserPoolId, Username: email })));
    },
  };
}
