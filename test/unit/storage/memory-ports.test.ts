import {
  MemoryActionTokenStore,
  MemoryConversationStore,
  MemoryTaskMessageLog,
} from '../../support/fakes/memory-chat-stores.js';
import { describePortsContract } from '../../support/contracts/ports-contract.js';
import { MemoryInstanceStore } from '../../support/fakes/memory-instance-store.js';
import {
  MemoryAgendaBook,
  MemoryDeliveryLog,
  MemoryFileStore,
  MemoryIdentityStore,
  MemoryInviteStore,
  MemoryOutbox,
} from '../../support/fakes/memory-ports.js';

describePortsContract('in-memory fakes', () =>
  Promise.resolve({
    instances: new MemoryInstanceStore(),
    agendaBook: new MemoryAgendaBook(),
    outbox: new MemoryOutbox(),
    identities: new MemoryIdentityStore(),
    invites: new MemoryInviteStore(),
    files: new MemoryFileStore(),
    deliveries: new MemoryDeliveryLog(),
    tokens: new MemoryActionTokenStore(),
    conversations: new MemoryConversationStore(),
    taskMessages: new MemoryTaskMessageLog(),
  }),
);
