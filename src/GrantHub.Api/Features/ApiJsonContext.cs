using System.Text.Json;
using System.Text.Json.Serialization;
using GrantHub.Api.Features.Applications;
using GrantHub.Api.Features.Audit;
using GrantHub.Api.Features.Auth;
using GrantHub.Api.Features.Calls;
using GrantHub.Api.Features.Emergency;
using GrantHub.Api.Features.Finance;
using GrantHub.Api.Features.Funds;
using GrantHub.Api.Features.Grants;
using GrantHub.Api.Features.Notifications;
using GrantHub.Api.Features.OpenData;
using GrantHub.Api.Features.Organisations;
using GrantHub.Api.Features.Portfolio;
using GrantHub.Api.Features.Privacy;
using GrantHub.Api.Features.Reviews;
using GrantHub.Api.Features.Users;
using GrantHub.Api.Infrastructure.Http;
using Microsoft.AspNetCore.Authentication.BearerToken;

namespace GrantHub.Api.Features;

/// <summary>
/// The JSON metadata of every body the API reads or writes, generated at compile time: built by reflection, it was most
/// of the time the web server took to build its endpoints at start. The reflection resolver stays behind it in the
/// chain for anything else; <c>ApiJsonContextTests</c> keeps this list complete.
/// </summary>
[JsonSourceGenerationOptions(JsonSerializerDefaults.Web, GenerationMode = JsonSourceGenerationMode.Metadata)]
[JsonSerializable(typeof(AccessTokenResponse))]
[JsonSerializable(typeof(AccountErasedResponse))]
[JsonSerializable(typeof(AgreementVersionResponse))]
[JsonSerializable(typeof(AmendGrantRequest))]
[JsonSerializable(typeof(ApplicationResponse))]
[JsonSerializable(typeof(ApplicationReviewsResponse))]
[JsonSerializable(typeof(AskForInformationRequest))]
[JsonSerializable(typeof(AssignReviewerRequest))]
[JsonSerializable(typeof(AuditHeadResponse))]
[JsonSerializable(typeof(AuditVerificationResponse))]
[JsonSerializable(typeof(CallInput))]
[JsonSerializable(typeof(CallRankingResponse))]
[JsonSerializable(typeof(CallResponse))]
[JsonSerializable(typeof(ChangePasswordCommand))]
[JsonSerializable(typeof(ConfirmPartnershipRequest))]
[JsonSerializable(typeof(ConflictDeclarationRequest))]
[JsonSerializable(typeof(ConsentAsFiscalHostRequest))]
[JsonSerializable(typeof(CreateApplicationCommand))]
[JsonSerializable(typeof(CreateFundCommand))]
[JsonSerializable(typeof(CreateOrganisationCommand))]
[JsonSerializable(typeof(CreateStaffUserCommand))]
[JsonSerializable(typeof(DecideApplicationRequest))]
[JsonSerializable(typeof(DecisionResponse))]
[JsonSerializable(typeof(DisputeOnwardTransferRequest))]
[JsonSerializable(typeof(EligibleReviewersResponse))]
[JsonSerializable(typeof(EmergencyDecisionInput))]
[JsonSerializable(typeof(EmergencyLightReportResponse))]
[JsonSerializable(typeof(EmergencyMetricsResponse))]
[JsonSerializable(typeof(EmergencyPaymentInput))]
[JsonSerializable(typeof(EmergencyReleaseInput))]
[JsonSerializable(typeof(EmergencyRequestResponse))]
[JsonSerializable(typeof(EnableTwoFactorCommand))]
[JsonSerializable(typeof(EraseMyAccountCommand))]
[JsonSerializable(typeof(FinanceQueueResponse))]
[JsonSerializable(typeof(FiscalHostRequestResponse))]
[JsonSerializable(typeof(FundHistoryResponse))]
[JsonSerializable(typeof(FundResponse))]
[JsonSerializable(typeof(GrantAmendmentResponse))]
[JsonSerializable(typeof(GrantOnwardTransfersResponse))]
[JsonSerializable(typeof(GrantReportResponse))]
[JsonSerializable(typeof(GrantReportsResponse))]
[JsonSerializable(typeof(GrantResponse))]
[JsonSerializable(typeof(GrantTranchesResponse))]
[JsonSerializable(typeof(InformationRequestResponse))]
[JsonSerializable(typeof(InformationRequestsResponse))]
[JsonSerializable(typeof(InviteMemberRequest))]
[JsonSerializable(typeof(InvitePartnerRequest))]
[JsonSerializable(typeof(IReadOnlyList<MyInvitationResponse>))]
[JsonSerializable(typeof(IReadOnlyList<OrganisationInvitationResponse>))]
[JsonSerializable(typeof(MeResponse))]
[JsonSerializable(typeof(MyInvitationResponse))]
[JsonSerializable(typeof(NameFiscalHostRequest))]
[JsonSerializable(typeof(NotificationResponse))]
[JsonSerializable(typeof(OfficerQueueResponse))]
[JsonSerializable(typeof(OnwardTransferResponse))]
[JsonSerializable(typeof(OrganisationHidingResponse))]
[JsonSerializable(typeof(OrganisationInvitationResponse))]
[JsonSerializable(typeof(OrganisationResponse))]
[JsonSerializable(typeof(PagedResponse<ApplicationResponse>))]
[JsonSerializable(typeof(PagedResponse<AuditEntryResponse>))]
[JsonSerializable(typeof(PagedResponse<CallApplicationRow>))]
[JsonSerializable(typeof(PagedResponse<CallResponse>))]
[JsonSerializable(typeof(PagedResponse<EmergencyRequestResponse>))]
[JsonSerializable(typeof(PagedResponse<FundResponse>))]
[JsonSerializable(typeof(PagedResponse<GrantResponse>))]
[JsonSerializable(typeof(PagedResponse<NotificationResponse>))]
[JsonSerializable(typeof(PagedResponse<OrganisationResponse>))]
[JsonSerializable(typeof(PagedResponse<ReviewAssignmentResponse>))]
[JsonSerializable(typeof(PagedResponse<StaffUserResponse>))]
[JsonSerializable(typeof(PasswordChangedResponse))]
[JsonSerializable(typeof(PaymentsResponse))]
[JsonSerializable(typeof(PortfolioResponse))]
[JsonSerializable(typeof(PromiseDashboardResponse))]
[JsonSerializable(typeof(PublishedOpenDataResponse))]
[JsonSerializable(typeof(RecordDueDiligenceRequest))]
[JsonSerializable(typeof(RecordOnwardTransferRequest))]
[JsonSerializable(typeof(RecordOralReportRequest))]
[JsonSerializable(typeof(RecoveryCodesResponse))]
[JsonSerializable(typeof(RefreshSessionRequest))]
[JsonSerializable(typeof(RegisterAccountCommand))]
[JsonSerializable(typeof(RegistrationResponse))]
[JsonSerializable(typeof(ReviewAssignmentResponse))]
[JsonSerializable(typeof(ReviewReportRequest))]
[JsonSerializable(typeof(SaveReviewDraftRequest))]
[JsonSerializable(typeof(SecondFactorResetResponse))]
[JsonSerializable(typeof(SetApplicationBudgetRequest))]
[JsonSerializable(typeof(SignAgreementRequest))]
[JsonSerializable(typeof(SignInRequest))]
[JsonSerializable(typeof(StaffUserResponse))]
[JsonSerializable(typeof(SubmissionChecklistResponse))]
[JsonSerializable(typeof(SubmitEmergencyRequestCommand))]
[JsonSerializable(typeof(SubmitLightReportRequest))]
[JsonSerializable(typeof(SubmitReportRequest))]
[JsonSerializable(typeof(TerminateGrantRequest))]
[JsonSerializable(typeof(TopUpFundRequest))]
[JsonSerializable(typeof(TrancheApprovalRequest))]
[JsonSerializable(typeof(TranchePaymentRequest))]
[JsonSerializable(typeof(TrancheResponse))]
[JsonSerializable(typeof(TwoFactorSetupResponse))]
[JsonSerializable(typeof(TwoFactorStatusResponse))]
[JsonSerializable(typeof(UpdateApplicationRequest))]
[JsonSerializable(typeof(UpdateOrganisationRequest))]
[JsonSerializable(typeof(UserAccessResponse))]
[JsonSerializable(typeof(WaiveReportRequest))]
internal sealed partial class ApiJsonContext : JsonSerializerContext;
