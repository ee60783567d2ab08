import { Injectable } from '@nestjs/common';
import { AppError } from '../../common/errors/app-error';
import {
  ElectronicBallotsService,
  type BallotInfo,
} from '../../meetings/electronic/electronic-ballots.service';
import { MeetingErrors } from '../../meetings/meeting.errors';

/** The electronic ballot as the delegate's and the secretary's pages look it up. */
@Injectable()
export class ElectronicPagesService {
  constructor(private readonly electronic: ElectronicBallotsService) {}

  /** A paper ballot has no voting page: "not found" rather than a conflict. */
  async voterInfo(bid: number): Promise<BallotInfo> {
    try {
      return await this.electronic.ballotInfo(bid);
    } catch (e) {
      if (e instanceof AppError && e.code === 'BALLOT_NOT_ELECTRONIC')
        throw new AppError(MeetingErrors.BALLOT_NOT_FOUND);
      throw e;
    }
  }

  /** The ballot of the meeting in the path (else 404, as for an unknown ballot). */
  async infoOf(mid: number, bid: number): Promise<BallotInfo> {
    const info = await this.voterInfo(bid);
    if (info.meetingId !== mid) throw new AppError(MeetingErrors.BALLOT_NOT_FOUND);
    return info;
  }
}
