import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useEffect, useId, useRef, useState, type FormEvent } from 'react';
import { usersApi } from '../../api/accounts';
import { queryKeys } from '../../api/boards';
import { isApiError } from '../../api/http';
import { describeProblem } from '../../api/problems';
import type { CreateUserRequest, UserAccount } from '../../api/types';
import { ProblemAlert } from '../../components/ProblemAlert';
import { fieldErrors, otherFieldErrors } from '../settings/settingsForm';
import { useDocumentTitle } from '../../components/PageState';

export const PERSON_FIELDS = ['email', 'displayName', 'password'] as const;
type PersonField = (typeof PERSON_FIELDS)[number];

export interface PersonDraft {
  email: string;
  displayName: string;
  password: string;
  isAdmin: boolean;
}

const emptyDraft: PersonDraft = { email: '', displayName: '', password: '', isAdmin: false };

/** The request for a draft: trimmed text; an empty password is no password (the account cannot sign in). */
export function draftToCreateUser(draft: PersonDraft): CreateUserRequest {
  return {
    email: draft.email.trim(),
    displayName: draft.displayName.trim(),
    password: draft.password === '' ? null : draft.password,
    isAdmin: draft.isAdmin,
  };
}

export function useUsers() {
  return useQuery({
    queryKey: queryKeys.users,
    queryFn: ({ signal }) => usersApi.list(signal),
    retry: (failures, error) => !(isApiError(error) && error.status >= 400 && error.status < 500) && failures < 2,
  });
}

function CreatePersonForm({ onStart, onCreated }: { onStart: () => void; onCreated: (user: UserAccount) => void }) {
  const queryClient = useQueryClient();
  const create = useMutation<UserAccount, Error, CreateUserRequest>({
    mutationFn: (body) => usersApi.create(body),
    onSuccess: () => void queryClient.invalidateQueries({ queryKey: queryKeys.users }),
  });
  const [draft, setDraft] = useState<PersonDraft>(emptyDraft);
  const id = useId();
  const formRef = useRef<HTMLFormElement>(null);

  const errorsOf = (field: PersonField) => fieldErrors(create.error, field);
  const anyFieldError = PERSON_FIELDS.some((f) => errorsOf(f).length > 0);
  const rest = otherFieldErrors(create.error, PERSON_FIELDS);
  const problem = create.error && !anyFieldError && rest.length === 0 ? describeProblem(create.error, 'Nobody was added') : null;

  // After a refusal, focus the first field the server complained about.
  useEffect(() => {
    if (!create.error) return;
    const first = PERSON_FIELDS.find((f) => fieldErrors(create.error, f).length > 0);
    const input = first && formRef.current?.elements.namedItem(first);
    if (input instanceof HTMLElement) input.focus();
  }, [create.error]);

  const submit = (e: FormEvent<HTMLFormElement>) => {
    e.preventDefault();
    onStart();
    create.mutate(draftToCreateUser(draft), {
      onSuccess: (user) => {
        setDraft(emptyDraft);
        onCreated(user);
      },
    });
  };

  const field = (name: PersonField) => {
    const errors = errorsOf(name);
    const hint = name === 'password' ? `${id}-password-hint` : null;
    const describedBy = [hint, errors.length > 0 ? `${id}-${name}-error` : null].filter(Boolean).join(' ');
    return {
      id: `${id}-${name}`,
      name,
      value: draft[name],
      onChange: (e: { target: { value: string } }) => setDraft({ ...draft, [name]: e.target.value }),
      'aria-invalid': errors.length > 0 || undefined,
      'aria-describedby': describedBy || undefined,
      'data-testid': `create-person-${name}`,
    };
  };

  const errorText = (name: PersonField) => {
    const errors = errorsOf(name);
    return errors.length > 0 ? (
      <p className="form__error" id={`${id}-${name}-error`} data-testid={`field-error-${name}`}>
        {errors.join(' ')}
      </p>
    ) : null;
  };

  return (
    <form ref={formRef} className="form" onSubmit={submit} noValidate data-testid="create-person-form" aria-labelledby="create-person-title">
      {problem && <ProblemAlert problem={problem} testId="create-person-error" />}
      {rest.length > 0 && (
        <div className="alert" role="alert" data-testid="create-person-error">
          <div>
            {rest.map((m) => (
              <p className="alert__text" key={m}>
                {m}
              </p>
            ))}
          </div>
        </div>
      )}
      <div className="form__field">
        <label htmlFor={`${id}-email`}>Email</label>
        <input type="email" autoComplete="off" spellCheck={false} {...field('email')} />
        {errorText('email')}
      </div>
      <div className="form__field">
        <label htmlFor={`${id}-displayName`}>Display name</label>
        <input type="text" autoComplete="off" maxLength={100} {...field('displayName')} />
        {errorText('displayName')}
      </div>
      <div className="form__field">
        <label htmlFor={`${id}-password`}>
          Password <span className="muted">(optional)</span>
        </label>
        <input type="password" autoComplete="new-password" {...field('password')} />
        <p className="form__hint" id={`${id}-password-hint`}>
          At least 10 characters; a few unrelated words make a good one. Leave it empty for someone who will not sign
          in (they can still be given cards and own history).
        </p>
        {errorText('password')}
      </div>
      <div className="form__check">
        <input
          id={`${id}-admin`}
          name="isAdmin"
          type="checkbox"
          checked={draft.isAdmin}
          onChange={(e) => setDraft({ ...draft, isAdmin: e.target.checked })}
          aria-describedby={`${id}-admin-hint`}
          data-testid="create-person-admin"
        />
        <label htmlFor={`${id}-admin`}>Administrator</label>
        <p className="form__hint" id={`${id}-admin-hint`}>
          Administrators manage people and see every board as its product owner.
        </p>
      </div>
      <div className="form__actions">
        <button type="submit" className="button button--primary" disabled={create.isPending} data-testid="create-person-submit">
          {create.isPending ? 'Adding…' : 'Add person'}
        </button>
      </div>
    </form>
  );
}

/** An Admin's list of everyone with an account, and a form to add someone. */
export function PeoplePage() {
  const users = useUsers();
  const [status, setStatus] = useState('');

  useDocumentTitle('People · Kanban');

  return (
    <div className="people-page" data-testid="people-page">
      <h1>People</h1>

      <section className="panel" aria-labelledby="people-title">
        <h2 id="people-title">Everyone with an account</h2>
        {users.isPending && <p className="muted">Loading people…</p>}
        {users.isError && <ProblemAlert problem={describeProblem(users.error, 'The people could not be loaded')} testId="people-error" />}
        {users.isSuccess && (
          <table className="people-table" data-testid="people-list">
            <thead>
              <tr>
                <th scope="col">Name</th>
                <th scope="col">Email</th>
                <th scope="col">Access</th>
              </tr>
            </thead>
            <tbody>
              {users.data.map((u) => (
                <tr key={u.id} data-testid={`person-${u.email}`}>
                  <th scope="row">{u.displayName}</th>
                  <td>{u.email}</td>
                  <td>
                    <span className="people-table__tags">
                      {u.isAdmin && <span className="tag tag--admin">Admin</span>}
                      {u.canSignIn ? (
                        <span className="tag">Can sign in</span>
                      ) : (
                        <span className="tag tag--muted">Cannot sign in</span>
                      )}
                    </span>
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        )}
        <p className="form__saved" role="status" aria-live="polite" data-testid="people-status">
          {status}
        </p>
      </section>

      <section className="panel" aria-labelledby="create-person-title">
        <h2 id="create-person-title">Add a person</h2>
        <p className="muted people-page__intro">
          Give them a role on a board from that board&rsquo;s settings, by this email.
        </p>
        <CreatePersonForm onStart={() => setStatus('')} onCreated={(u) => setStatus(`${u.displayName} was added.`)} />
      </section>
    </div>
  );
}
