import { ppkRegisterContract } from '../../../support/contracts/ppk-register-contract.js';
import { MemoryPpkRegisterStore } from '../../../support/fakes/memory-ppk-register.js';

ppkRegisterContract('in memory', () => Promise.resolve(new MemoryPpkRegisterStore()));
