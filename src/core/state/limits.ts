/**
 * What a read without root could not see. Under privilege `none` without CAP_SYS_ADMIN (and CAP_NET_ADMIN), no
 * namespace but the user's own can be entered, and only the user's own processes show their namespace; names in
 * /run/netns and every namespace's identity can still be read. The listings then say so instead of failing.
 */
import { PrivilegeError } from '../errors.js';
import type { Host } from '../host/host.js';

/** Why a listing is partial: the capabilities lacking, and one line that says what is unknown and how to see it. */
export interface ListingLimits {
  missing: string[];
  reason: string;
}

/**
 * Undefined when the host's commands may do namespace work; the limits when they run without the capabilities
 * it needs (privilege `none`). Any other refusal (sudo, a password) is thrown, as before.
 */
export async function readListingLimits(host: Host): Promise<ListingLimits | undefined> {
  try {
    await host.run(['true']);
    return undefined;
  } catch (error) {
    if (isCapabilitiesMissing(error)) return listingLimits(error.missingCapabilities);
    throw error;
  }
}

/** The limits of a listing made without the `missing` capabilities (pure, for tests). */
export function listingLimits(missing: readonly string[]): ListingLimits {
  const lacking = missing.length > 0 ? missing.join(' and ') : 'the needed capabilities';
  return {
    missing: [...missing],
    reason:
      `partial list: privilege is "none" and the commands lack ${lacking}, so no namespace can be entered: ` +
      "their interfaces are unknown, and namespaces without a name are found only for this user's own processes. " +
      'For everything, run as root or through sudo (privilege "auto" or "sudo").',
  };
}

/** What the root namespace read without the capabilities lacks (it is read, but no other namespace is entered). */
export function rootReadLimits(limits: ListingLimits): string {
  const lacking = limits.missing.join(' and ');
  return `partial: privilege is "none" and the commands lack ${lacking}, so veths into other namespaces show no peer. For everything, run as root or through sudo (privilege "auto" or "sudo").`;
}

/** The refusal of privilege `none` whose commands lack capabilities (reads any user may make still run). */
export function isCapabilitiesMissing(error: unknown): error is PrivilegeError {
  return error instanceof PrivilegeError && error.problem === 'capabilitiesMissing';
}
