/**
 * Stamps are bound to content and to each other by SHA-256:
 *
 * - a stamp records the hash of the version's canonical content (shared/review/content.ts),
 *   so it is 已失效 as soon as the workbook's content hashes differently;
 * - its own hash covers every field of the stamp (the seal image through its hash), and the
 *   hash of the stamp before it, so the stamps form a chain.
 *
 * What this detects: a stamp row changed by hand in the SQLite file (its opinion, name, time,
 * seal, or a content hash copied from the current content to make a stale stamp look valid)
 * without recomputing its hash; a stamp deleted or inserted in the middle (the next stamp's
 * link breaks); a frozen version whose content was edited.
 *
 * What it does not: the hashes carry no secret, so someone who reads this program can
 * recompute a forged stamp's hash and every later link; and removing the latest stamps
 * leaves a shorter chain that is still consistent. Against that the chain head is printed on
 * every review draft's stamp page, so a stamp page sent out earlier anchors the chain outside
 * the file. Real non-repudiation needs reviewers' personal signing keys (e.g. a 电子签章
 * service), which a stamp could later carry in addition.
 */
import { createHash } from 'node:crypto';
import { canonicalJson } from '../../../shared/review/content';
import type { StampRecord } from '../../../shared/review/model';

/** The `previous_hash` of the first stamp. */
export const CHAIN_START = '0'.repeat(64);

export function sha256(data: string | Uint8Array): string {
  return createHash('sha256').update(data).digest('hex');
}

/** The fields a stamp's hash covers. */
export interface StampFields extends StampRecord {
  readonly sealSha256: string | null;
  readonly previousHash: string;
}

export interface StoredStamp extends StampFields {
  readonly seal: Uint8Array | null;
  readonly stampHash: string;
}

export function stampHash(fields: StampFields): string {
  return sha256(
    canonicalJson({
      id: fields.id,
      versionId: fields.versionId,
      reviewer: fields.reviewer,
      role: fields.role,
      stampedAt: fields.stampedAt,
      opinion: fields.opinion,
      opinionText: fields.opinionText,
      sealSha256: fields.sealSha256,
      contentSha256: fields.contentSha256,
      previousHash: fields.previousHash,
    }),
  );
}

/** A frozen version as stored: its recorded hash and the hash of what is stored now. */
export interface VersionIntegrity {
  readonly recordedSha256: string;
  readonly actualSha256: string;
}

export interface ChainCheck {
  /** Why a stamp fails verification, by stamp id; absent stamps verify. */
  readonly problems: ReadonlyMap<number, string>;
  /** The hash of the latest stamp, or CHAIN_START. */
  readonly head: string;
}

/** Verifies every stamp (in id order) against its hash, its seal, its version and its neighbours. */
export function checkChain(
  stamps: readonly StoredStamp[],
  versions: ReadonlyMap<number, VersionIntegrity>,
): ChainCheck {
  const problems = new Map<number, string>();
  const flag = (id: number, problem: string) => {
    if (!problems.has(id)) problems.set(id, problem);
  };
  stamps.forEach((stamp, index) => {
    if (stampHash(stamp) !== stamp.stampHash) {
      flag(stamp.id, '印章记录与其校验值不符：记录在程序之外被改动过');
    }
    if ((stamp.seal === null ? null : sha256(stamp.seal)) !== stamp.sealSha256) {
      flag(stamp.id, '印章图片与记录的校验值不符：图片在程序之外被替换过');
    }
    const version = versions.get(stamp.versionId);
    if (version === undefined || version.actualSha256 !== version.recordedSha256) {
      flag(stamp.id, `所盖章的第 ${stamp.versionId} 版内容在程序之外被改动过`);
    } else if (version.recordedSha256 !== stamp.contentSha256) {
      flag(stamp.id, `印章记录的内容校验值与第 ${stamp.versionId} 版不符：记录在程序之外被改动过`);
    }
    const previous = stamps[index - 1];
    if (stamp.previousHash !== (previous?.stampHash ?? CHAIN_START)) {
      flag(stamp.id, '与前一枚印章的链接不符：之前的印章记录被改动或删除过');
      if (previous) flag(previous.id, '后一枚印章与本枚的链接不符：本枚记录被改动过，或其后的印章被删除过');
    }
  });
  return { problems, head: stamps.at(-1)?.stampHash ?? CHAIN_START };
}
