import { Initial1795738786106 } from './1795738786106-Initial';
import { Scoring1795739218782 } from './1795739218782-Scoring';
import { Nominations1795740273483 } from './1795740273483-Nominations';
import { Meetings1795740750592 } from './1795740750592-Meetings';
import { Accounts1795741616942 } from './1795741616942-Accounts';
import { AuditAppendOnly1795741616943 } from './1795741616943-AuditAppendOnly';
import { Documents1795743712372 } from './1795743712372-Documents';
import { DocumentScoreTable1795744000000 } from './1795744000000-DocumentScoreTable';
import { ReadGeneration1795765952737 } from './1795765952737-ReadGeneration';
import { ReadGenerationToken1795770320438 } from './1795770320438-ReadGenerationToken';
import { SessionGeneration1796495726557 } from './1796495726557-SessionGeneration';
import { AuditKeyedChain1796495825624 } from './1796495825624-AuditKeyedChain';
import { OrganizingBodies1796496152525 } from './1796496152525-OrganizingBodies';
import { DocumentSignatures1796496214548 } from './1796496214548-DocumentSignatures';
import { DocumentSignatureImmutable1796496214549 } from './1796496214549-DocumentSignatureImmutable';
import { LoginThrottle1796496323868 } from './1796496323868-LoginThrottle';
import { OrganizingBodyAuthorities1796500401000 } from './1796500401000-OrganizingBodyAuthorities';
import { ReadScope1796506848533 } from './1796506848533-ReadScope';
import { ElectronicBallot1796506897224 } from './1796506897224-ElectronicBallot';
import { Classification1796507187934 } from './1796507187934-Classification';
import { OfficerDecisionsCorrectionApproval1796507801005 } from './1796507801005-OfficerDecisionsCorrectionApproval';
import { UnitBlocPerOrganization1796537736566 } from './1796537736566-UnitBlocPerOrganization';
import { AwardTierOrganization1796545039864 } from './1796545039864-AwardTierOrganization';
import { AwardTierScopedKeys1796547736509 } from './1796547736509-AwardTierScopedKeys';
import { UnitRegisteredBy1796535956605 } from './1796535956605-UnitRegisteredBy';
import { Organizations1796534863108 } from './1796534863108-Organizations';
import { MeetingBallotTransitions1796522194951 } from './1796522194951-MeetingBallotTransitions';

/** Every migration, in order. Never edit one that has been committed: add a new one. */
// eslint-disable-next-line @typescript-eslint/no-unsafe-function-type
export const MIGRATIONS: Function[] = [
  Initial1795738786106,
  Scoring1795739218782,
  Nominations1795740273483,
  Meetings1795740750592,
  Accounts1795741616942,
  AuditAppendOnly1795741616943,
  Documents1795743712372,
  DocumentScoreTable1795744000000,
  ReadGeneration1795765952737,
  ReadGenerationToken1795770320438,
  SessionGeneration1796495726557,
  AuditKeyedChain1796495825624,
  OrganizingBodies1796496152525,
  DocumentSignatures1796496214548,
  DocumentSignatureImmutable1796496214549,
  LoginThrottle1796496323868,
  OrganizingBodyAuthorities1796500401000,
  ReadScope1796506848533,
  ElectronicBallot1796506897224,
  Classification1796507187934,
  OfficerDecisionsCorrectionApproval1796507801005,
  MeetingBallotTransitions1796522194951,
  Organizations1796534863108,
  UnitRegisteredBy1796535956605,
  UnitBlocPerOrganization1796537736566,
  AwardTierOrganization1796545039864,
  AwardTierScopedKeys1796547736509,
];
