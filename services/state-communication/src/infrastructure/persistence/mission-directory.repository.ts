import type { EntityManager } from 'typeorm';
import type { MissionContact, MissionContactChange } from '../../domain/mission-directory/mission-contact';
import { MissionContactChangeEntity } from './mission-contact-change.entity';
import { MissionContactEntity } from './mission-contact.entity';

/** The Permanent Missions' contacts and the history of their changes. */
export class MissionDirectoryRepository {
  async all(manager: EntityManager): Promise<MissionContact[]> {
    return manager.getRepository(MissionContactEntity).find({ order: { stateCode: 'ASC' } });
  }

  async of(manager: EntityManager, stateCode: string): Promise<MissionContact | undefined> {
    return (await manager.getRepository(MissionContactEntity).findOneBy({ stateCode })) ?? undefined;
  }

  /** The State's contact, locked until the caller's transaction ends. */
  async lock(manager: EntityManager, stateCode: string): Promise<MissionContact | undefined> {
    const row = await manager
      .getRepository(MissionContactEntity)
      .createQueryBuilder('contact')
      .setLock('pessimistic_write')
      .where('contact.stateCode = :stateCode', { stateCode })
      .getOne();
    return row ?? undefined;
  }

  async save(manager: EntityManager, contact: MissionContact, change: MissionContactChange): Promise<void> {
    await manager.getRepository(MissionContactEntity).upsert(contact, ['stateCode']);
    await manager.getRepository(MissionContactChangeEntity).insert(change);
  }

  /** The State's changes, newest first. */
  async changesOf(manager: EntityManager, stateCode: string): Promise<MissionContactChange[]> {
    const rows = await manager
      .getRepository(MissionContactChangeEntity)
      .find({ where: { stateCode }, order: { seq: 'DESC' } });
    return rows.map(({ seq: _seq, ...change }) => change);
  }
}
