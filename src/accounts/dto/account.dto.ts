import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { Transform, Type } from 'class-transformer';
import {
  ArrayMinSize,
  ArrayUnique,
  IsArray,
  IsBoolean,
  IsIn,
  IsInt,
  IsOptional,
  IsString,
  Length,
  Matches,
  Min,
} from 'class-validator';
import { Nfc, QueryBoolean } from '../../common/dto.js';
import { PageQuery } from '../../common/pagination.js';
import { ROLES, type Role } from '../roles.js';

export class LoginDto {
  @ApiProperty({ example: 'bientap1' })
  @IsString()
  @Length(1, 64)
  username: string;

  @ApiProperty({ format: 'password' })
  @IsString()
  @Length(1, 200)
  password: string;
}

export class ChangePasswordDto {
  @ApiProperty({ format: 'password' })
  @IsString()
  @Length(1, 200)
  currentPassword: string;

  @ApiProperty({ format: 'password', minLength: 10 })
  @IsString()
  @Length(1, 200)
  newPassword: string;
}

export class ResetPasswordDto {
  @ApiProperty({
    format: 'password',
    minLength: 10,
    description: 'Mật khẩu tạm; người dùng phải đổi khi đăng nhập',
  })
  @IsString()
  @Length(1, 200)
  password: string;
}

export class CreateUserDto {
  @ApiProperty({ description: 'Chữ thường không dấu, số, dấu chấm, gạch; 3–64 ký tự', example: 'bientap1' })
  @Transform(({ value }) => (typeof value === 'string' ? value.trim().toLowerCase() : value))
  @IsString()
  @Matches(/^[a-z0-9][a-z0-9._-]{2,63}$/, {
    message:
      'Tên đăng nhập chỉ gồm chữ thường không dấu, số, dấu chấm, gạch dưới, gạch ngang; dài 3–64 ký tự.',
  })
  username: string;

  @ApiProperty({ example: 'Nguyễn Thị Lan' })
  @Nfc()
  @IsString()
  @Length(1, 200)
  displayName: string;

  @ApiProperty({ enum: ROLES, isArray: true })
  @IsArray()
  @ArrayMinSize(1)
  @ArrayUnique()
  @IsIn(ROLES, { each: true })
  roles: Role[];

  @ApiProperty({ format: 'password', minLength: 10, description: 'Mật khẩu ban đầu' })
  @IsString()
  @Length(1, 200)
  password: string;

  @ApiPropertyOptional({ default: true, description: 'Buộc đổi mật khẩu ở lần đăng nhập đầu' })
  @IsOptional()
  @IsBoolean()
  mustChangePassword?: boolean;
}

export class UpdateUserDto {
  @ApiPropertyOptional()
  @IsOptional()
  @Nfc()
  @IsString()
  @Length(1, 200)
  displayName?: string;

  @ApiPropertyOptional({ enum: ROLES, isArray: true })
  @IsOptional()
  @IsArray()
  @ArrayMinSize(1)
  @ArrayUnique()
  @IsIn(ROLES, { each: true })
  roles?: Role[];

  @ApiPropertyOptional({ description: 'false: khoá tài khoản (mọi phiên đăng nhập kết thúc ngay)' })
  @IsOptional()
  @IsBoolean()
  active?: boolean;

  @ApiProperty({ minimum: 1 })
  @Type(() => Number)
  @IsInt()
  @Min(1)
  version: number;
}

export class ListUsersQuery extends PageQuery {
  @ApiPropertyOptional({ enum: ROLES })
  @IsOptional()
  @IsIn(ROLES)
  role?: Role;

  @ApiPropertyOptional()
  @IsOptional()
  @QueryBoolean()
  @IsBoolean()
  active?: boolean;
}

export class UserView {
  @ApiProperty() id: number;
  @ApiProperty() username: string;
  @ApiProperty() displayName: string;
  @ApiProperty({ enum: ROLES, isArray: true }) roles: Role[];
  @ApiProperty() active: boolean;
  @ApiProperty() mustChangePassword: boolean;
  @ApiProperty({ nullable: true, type: String, format: 'date-time' }) lastLoginAt: Date | null;
  @ApiProperty() version: number;
  @ApiProperty({ type: String, format: 'date-time' }) createdAt: Date;
  @ApiProperty({ type: String, format: 'date-time' }) updatedAt: Date;
}

export class MeView {
  @ApiProperty() id: number;
  @ApiProperty() username: string;
  @ApiProperty() displayName: string;
  @ApiProperty({ enum: ROLES, isArray: true }) roles: Role[];
  @ApiProperty() mustChangePassword: boolean;
}

export class SignInView {
  @ApiProperty({ description: 'Gửi kèm mỗi yêu cầu: Authorization: Bearer <accessToken>' })
  accessToken: string;
  @ApiProperty({ example: 'Bearer' }) tokenType: string;
  @ApiProperty({ description: 'Số giây còn hiệu lực' }) expiresIn: number;
  @ApiProperty({ type: MeView }) user: MeView;
}

/** The signed-in person's private calendar token: whether one exists; the token itself only once. */
export class CalendarTokenView {
  @ApiProperty() exists: boolean;
  @ApiProperty({ nullable: true, type: Date }) createdAt: Date | null;
  @ApiProperty({ description: 'Địa chỉ lịch: thay {zoneId} (và {token} khi mã không được hiện)' })
  feedUrl: string;
  @ApiPropertyOptional({ description: 'Chỉ có ngay sau khi tạo hoặc đổi mã' }) token?: string;
}
